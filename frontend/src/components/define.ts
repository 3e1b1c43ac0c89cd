// Defines an element once, so a second load of the module does not throw.
export const define = (name: string, element: CustomElementConstructor): void => {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
};
