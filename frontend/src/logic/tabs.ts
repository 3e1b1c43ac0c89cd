// Keyboard movement in the tab bar, as the WAI-ARIA tabs pattern describes.

/** The index a key moves focus to, or null when the key does not move it. */
export const nextTabIndex = (key: string, current: number, count: number): number | null => {
  if (count <= 0) {
    return null;
  }
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return (current + 1) % count;
    case "ArrowLeft":
    case "ArrowUp":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
};

/** Whether a key activates the focused tab. */
export const activatesTab = (key: string): boolean =>
  key === "Enter" || key === " " || key === "Spacebar";
