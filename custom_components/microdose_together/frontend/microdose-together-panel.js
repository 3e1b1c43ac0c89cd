var rs=Object.defineProperty;var ns=Object.getOwnPropertyDescriptor;var p=(r,e,t,s)=>{for(var n=s>1?void 0:s?ns(e,t):e,o=r.length-1,i;o>=0;o--)(i=r[o])&&(n=(s?i(e,t,n):i(n))||n);return s&&n&&rs(e,t,n),n};var ct=globalThis,pt=ct.ShadowRoot&&(ct.ShadyCSS===void 0||ct.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,wt=Symbol(),Vt=new WeakMap,G=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==wt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(pt&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Vt.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Vt.set(t,e))}return e}toString(){return this.cssText}},Kt=r=>new G(typeof r=="string"?r:r+"",void 0,wt),g=(r,...e)=>{let t=r.length===1?r[0]:e.reduce((s,n,o)=>s+(i=>{if(i._$cssResult$===!0)return i.cssText;if(typeof i=="number")return i;throw Error("Value passed to 'css' function must be a 'css' function result: "+i+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+r[o+1],r[0]);return new G(t,r,wt)},Gt=(r,e)=>{if(pt)r.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=ct.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,r.appendChild(s)}},St=pt?r=>r:r=>r instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Kt(t)})(r):r;var{is:os,defineProperty:is,getOwnPropertyDescriptor:as,getOwnPropertyNames:ls,getOwnPropertySymbols:ds,getPrototypeOf:cs}=Object,ht=globalThis,Xt=ht.trustedTypes,ps=Xt?Xt.emptyScript:"",hs=ht.reactiveElementPolyfillSupport,X=(r,e)=>r,Z={toAttribute(r,e){switch(e){case Boolean:r=r?ps:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,e){let t=r;switch(e){case Boolean:t=r!==null;break;case Number:t=r===null?null:Number(r);break;case Object:case Array:try{t=JSON.parse(r)}catch{t=null}}return t}},ut=(r,e)=>!os(r,e),Zt={attribute:!0,type:String,converter:Z,reflect:!1,useDefault:!1,hasChanged:ut};Symbol.metadata??=Symbol("metadata"),ht.litPropertyMetadata??=new WeakMap;var R=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Zt){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&is(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:o}=as(this.prototype,e)??{get(){return this[t]},set(i){this[t]=i}};return{get:n,set(i){let l=n?.call(this);o?.call(this,i),this.requestUpdate(e,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Zt}static _$Ei(){if(this.hasOwnProperty(X("elementProperties")))return;let e=cs(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(X("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(X("properties"))){let t=this.properties,s=[...ls(t),...ds(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(St(n))}else e!==void 0&&t.push(St(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Gt(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let o=(s.converter?.toAttribute!==void 0?s.converter:Z).toAttribute(t,s.type);this._$Em=e,o==null?this.removeAttribute(n):this.setAttribute(n,o),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let o=s.getPropertyOptions(n),i=typeof o.converter=="function"?{fromAttribute:o.converter}:o.converter?.fromAttribute!==void 0?o.converter:Z;this._$Em=n;let l=i.fromAttribute(t,o.type);this[n]=l??this._$Ej?.get(n)??l,this._$Em=null}}requestUpdate(e,t,s,n=!1,o){if(e!==void 0){let i=this.constructor;if(n===!1&&(o=this[e]),s??=i.getPropertyOptions(e),!((s.hasChanged??ut)(o,t)||s.useDefault&&s.reflect&&o===this._$Ej?.get(e)&&!this.hasAttribute(i._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:o},i){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,i??t??this[e]),o!==!0||i!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,o]of this._$Ep)this[n]=o;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,o]of s){let{wrapped:i}=o,l=this[n];i!==!0||this._$AL.has(n)||l===void 0||this.C(n,void 0,o,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};R.elementStyles=[],R.shadowRootOptions={mode:"open"},R[X("elementProperties")]=new Map,R[X("finalized")]=new Map,hs?.({ReactiveElement:R}),(ht.reactiveElementVersions??=[]).push("2.1.2");var It=globalThis,Jt=r=>r,mt=It.trustedTypes,Qt=mt?mt.createPolicy("lit-html",{createHTML:r=>r}):void 0,oe="$lit$",O=`lit$${Math.random().toFixed(9).slice(2)}$`,ie="?"+O,us=`<${ie}>`,z=document,Q=()=>z.createComment(""),tt=r=>r===null||typeof r!="object"&&typeof r!="function",Dt=Array.isArray,ms=r=>Dt(r)||typeof r?.[Symbol.iterator]=="function",At=`[ 	
\f\r]`,J=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,te=/-->/g,ee=/>/g,U=RegExp(`>|${At}(?:([^\\s"'>=/]+)(${At}*=${At}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),se=/'/g,re=/"/g,ae=/^(?:script|style|textarea|title)$/i,Lt=r=>(e,...t)=>({_$litType$:r,strings:e,values:t}),a=Lt(1),F=Lt(2),Fs=Lt(3),q=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),ne=new WeakMap,j=z.createTreeWalker(z,129);function le(r,e){if(!Dt(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return Qt!==void 0?Qt.createHTML(e):e}var ys=(r,e)=>{let t=r.length-1,s=[],n,o=e===2?"<svg>":e===3?"<math>":"",i=J;for(let l=0;l<t;l++){let u=r[l],m,c,h=-1,w=0;for(;w<u.length&&(i.lastIndex=w,c=i.exec(u),c!==null);)w=i.lastIndex,i===J?c[1]==="!--"?i=te:c[1]!==void 0?i=ee:c[2]!==void 0?(ae.test(c[2])&&(n=RegExp("</"+c[2],"g")),i=U):c[3]!==void 0&&(i=U):i===U?c[0]===">"?(i=n??J,h=-1):c[1]===void 0?h=-2:(h=i.lastIndex-c[2].length,m=c[1],i=c[3]===void 0?U:c[3]==='"'?re:se):i===re||i===se?i=U:i===te||i===ee?i=J:(i=U,n=void 0);let A=i===U&&r[l+1].startsWith("/>")?" ":"";o+=i===J?u+us:h>=0?(s.push(m),u.slice(0,h)+oe+u.slice(h)+O+A):u+O+(h===-2?l:A)}return[le(r,o+(r[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},et=class r{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let o=0,i=0,l=e.length-1,u=this.parts,[m,c]=ys(e,t);if(this.el=r.createElement(m,s),j.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(n=j.nextNode())!==null&&u.length<l;){if(n.nodeType===1){if(n.hasAttributes())for(let h of n.getAttributeNames())if(h.endsWith(oe)){let w=c[i++],A=n.getAttribute(h).split(O),D=/([.?@])?(.*)/.exec(w);u.push({type:1,index:o,name:D[2],strings:A,ctor:D[1]==="."?Ct:D[1]==="?"?Tt:D[1]==="@"?Rt:V}),n.removeAttribute(h)}else h.startsWith(O)&&(u.push({type:6,index:o}),n.removeAttribute(h));if(ae.test(n.tagName)){let h=n.textContent.split(O),w=h.length-1;if(w>0){n.textContent=mt?mt.emptyScript:"";for(let A=0;A<w;A++)n.append(h[A],Q()),j.nextNode(),u.push({type:2,index:++o});n.append(h[w],Q())}}}else if(n.nodeType===8)if(n.data===ie)u.push({type:2,index:o});else{let h=-1;for(;(h=n.data.indexOf(O,h+1))!==-1;)u.push({type:7,index:o}),h+=O.length-1}o++}}static createElement(e,t){let s=z.createElement("template");return s.innerHTML=e,s}};function Y(r,e,t=r,s){if(e===q)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,o=tt(e)?void 0:e._$litDirective$;return n?.constructor!==o&&(n?._$AO?.(!1),o===void 0?n=void 0:(n=new o(r),n._$AT(r,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=Y(r,n._$AS(r,e.values),n,s)),e}var Et=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??z).importNode(t,!0);j.currentNode=n;let o=j.nextNode(),i=0,l=0,u=s[0];for(;u!==void 0;){if(i===u.index){let m;u.type===2?m=new st(o,o.nextSibling,this,e):u.type===1?m=new u.ctor(o,u.name,u.strings,this,e):u.type===6&&(m=new Pt(o,this,e)),this._$AV.push(m),u=s[++l]}i!==u?.index&&(o=j.nextNode(),i++)}return j.currentNode=z,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},st=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Y(this,e,t),tt(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==q&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):ms(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&tt(this._$AH)?this._$AA.nextSibling.data=e:this.T(z.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=et.createElement(le(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let o=new Et(n,this),i=o.u(this.options);o.p(t),this.T(i),this._$AH=o}}_$AC(e){let t=ne.get(e.strings);return t===void 0&&ne.set(e.strings,t=new et(e)),t}k(e){Dt(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let o of e)n===t.length?t.push(s=new r(this.O(Q()),this.O(Q()),this,this.options)):s=t[n],s._$AI(o),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Jt(e).nextSibling;Jt(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},V=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,o){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=o,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(e,t=this,s,n){let o=this.strings,i=!1;if(o===void 0)e=Y(this,e,t,0),i=!tt(e)||e!==this._$AH&&e!==q,i&&(this._$AH=e);else{let l=e,u,m;for(e=o[0],u=0;u<o.length-1;u++)m=Y(this,l[s+u],t,u),m===q&&(m=this._$AH[u]),i||=!tt(m)||m!==this._$AH[u],m===d?e=d:e!==d&&(e+=(m??"")+o[u+1]),this._$AH[u]=m}i&&!n&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},Ct=class extends V{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},Tt=class extends V{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},Rt=class extends V{constructor(e,t,s,n,o){super(e,t,s,n,o),this.type=5}_$AI(e,t=this){if((e=Y(this,e,t,0)??d)===q)return;let s=this._$AH,n=e===d&&s!==d||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,o=e!==d&&(s===d||n);n&&this.element.removeEventListener(this.name,this,s),o&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Pt=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){Y(this,e)}};var gs=It.litHtmlPolyfillSupport;gs?.(et,st),(It.litHtmlVersions??=[]).push("3.3.3");var de=(r,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let o=t?.renderBefore??null;s._$litPart$=n=new st(e.insertBefore(Q(),o),o,void 0,t??{})}return n._$AI(r),n};var Ot=globalThis,k=class extends R{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=de(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return q}};k._$litElement$=!0,k.finalized=!0,Ot.litElementHydrateSupport?.({LitElement:k});var fs=Ot.litElementPolyfillSupport;fs?.({LitElement:k});(Ot.litElementVersions??=[]).push("4.2.2");var _s={attribute:!0,type:String,converter:Z,reflect:!1,hasChanged:ut},bs=(r=_s,e,t)=>{let{kind:s,metadata:n}=t,o=globalThis.litPropertyMetadata.get(n);if(o===void 0&&globalThis.litPropertyMetadata.set(n,o=new Map),s==="setter"&&((r=Object.create(r)).wrapped=!0),o.set(t.name,r),s==="accessor"){let{name:i}=t;return{set(l){let u=e.get.call(this);e.set.call(this,l),this.requestUpdate(i,u,r,!0,l)},init(l){return l!==void 0&&this.C(i,void 0,r,l),l}}}if(s==="setter"){let{name:i}=t;return function(l){let u=this[i];e.call(this,l),this.requestUpdate(i,u,r,!0,l)}}throw Error("Unsupported decorator location: "+s)};function f(r){return(e,t)=>typeof t=="object"?bs(r,e,t):((s,n,o)=>{let i=n.hasOwnProperty(o);return n.constructor.createProperty(o,s),i?Object.getOwnPropertyDescriptor(n,o):void 0})(r,e,t)}function y(r){return f({...r,state:!0,attribute:!1})}var _=(r,e)=>{customElements.get(r)||customElements.define(r,e)};var Mt="mdt-refresh",C=r=>{r.dispatchEvent(new CustomEvent(Mt,{bubbles:!0,composed:!0}))};var ce=(r,e,t)=>{if(t<=0)return null;switch(r){case"ArrowRight":case"ArrowDown":return(e+1)%t;case"ArrowLeft":case"ArrowUp":return(e-1+t)%t;case"Home":return 0;case"End":return t-1;default:return null}},pe=r=>r==="Enter"||r===" "||r==="Spacebar";var Nt=r=>`tab-${r}`,vs=(r,e,t)=>{let s=ce(r.key,e,t.tabs.length);if(s!==null){r.preventDefault(),r.currentTarget.parentElement?.querySelectorAll('[role="tab"]')[s]?.focus();return}pe(r.key)&&(r.preventDefault(),t.onSelect(t.tabs[e].id))},he=r=>a`<div role="tablist" aria-label=${r.label} class="tabs">
    ${r.tabs.map((e,t)=>{let s=e.id===r.selected;return a`<button
        type="button"
        role="tab"
        id=${Nt(e.id)}
        aria-selected=${s?"true":"false"}
        aria-controls=${r.panelId}
        tabindex=${s?"0":"-1"}
        @click=${()=>r.onSelect(e.id)}
        @keydown=${n=>vs(n,t,r)}
      >
        ${e.label}
      </button>`})}
  </div>`,ue=g`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  [role="tab"] {
    font: inherit;
    flex: 1 1 auto;
    min-height: 44px;
    padding: 8px 14px;
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 8px 8px 0 0;
    background: transparent;
    color: var(--secondary-text-color, #727272);
    cursor: pointer;
    white-space: nowrap;
  }
  [role="tab"][aria-selected="true"] {
    color: var(--primary-color, #03a9f4);
    border-bottom-color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  [role="tab"]:hover {
    color: var(--primary-text-color, #212121);
  }
  [role="tab"]:focus-visible {
    outline: 3px solid var(--primary-color, #03a9f4);
    outline-offset: -3px;
  }
  @media (max-width: 600px) {
    .tabs {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    [role="tab"] {
      white-space: normal;
      padding: 6px 4px;
      font-size: 0.9rem;
    }
  }
`;var S="microdose_together",me=r=>r.callWS({type:`${S}/couples`}),ye=(r,e)=>r.callWS({type:`${S}/today`,config_entry_id:e}),ge=(r,e,t=!1)=>r.callWS({type:`${S}/log_dose`,config_entry_id:e,...t?{acknowledge_off_protocol:!0}:{}}),fe=(r,e,t)=>r.callWS({type:`${S}/check_in`,config_entry_id:e,mood:t.mood,connection:t.connection,stress:t.stress,...t.note?{note:t.note}:{}}),_e=(r,e,t)=>r.callWS({type:`${S}/answer_prompt`,config_entry_id:e,answer:t}),be=(r,e,t)=>r.callWS({type:`${S}/set_intention`,config_entry_id:e,intention:t}),ve=(r,e,t)=>r.callWS({type:`${S}/today_feels`,config_entry_id:e,today_feels:t}),$e=(r,e)=>r.callWS({type:`${S}/start_ritual`,config_entry_id:e}),ke=(r,e)=>r.callWS({type:`${S}/end_ritual`,config_entry_id:e}),xe=(r,e,t,s)=>r.callWS({type:`${S}/history`,config_entry_id:e,start:t,end:s}),we=r=>({type:`${S}/subscribe`,config_entry_id:r}),Se=async(r,e,t)=>(await r.callWS({type:"frontend/get_translations",language:e,category:t,integration:[S]}))?.resources??{};var $s=(r,e,t)=>r.subscribeMessage(t,we(e)),gt=class{constructor(e,t=()=>{}){this.onToday=e;this.onError=t;this.entryId=null;this.connection=null;this.pending=null;this.generation=0}get current(){return this.entryId}follow(e,t){if(this.entryId===t&&this.connection===e&&this.pending)return;this.stop();let s=++this.generation;this.entryId=t,this.connection=e,this.pending=$s(e,t,n=>{s===this.generation&&this.onToday(n)}).catch(n=>{s===this.generation&&(this.pending=null,this.onError(n))})}stop(){this.generation++;let e=this.pending;this.pending=null,this.entryId=null,this.connection=null,e&&e.then(t=>t?.()).catch(()=>{})}};var ks=["en","fi"],Ae=r=>{let e=(r??"").trim().toLowerCase().split(/[-_]/)[0];return ks.includes(e)?e:"en"};var ft=(r,e="")=>{let t={};if(r&&typeof r=="object")for(let[s,n]of Object.entries(r)){let o=e?`${e}.${s}`:s;typeof n=="string"?t[o]=n:Object.assign(t,ft(n,o))}return t},xs=/\{([a-zA-Z0-9_]+)\}/g;var _t=(r,e={})=>r.replace(xs,(t,s)=>Object.prototype.hasOwnProperty.call(e,s)&&e[s]!=null?String(e[s]):t),M=r=>[...r].length;var Te="microdose_together",rt=`component.${Te}`,Ht={phase:r=>`${rt}.entity.sensor.phase.state.${r}`,reason:r=>`${rt}.entity.binary_sensor.calm_day.state_attributes.reasons.state.${r}`,feels:r=>`${rt}.entity.select.today_feels.state.${r}`},Ee={theme:r=>`${rt}.selector.theme.options.${r}`,safetyNote:r=>`${rt}.selector.safety_note.options.${r}`},ws=(r,e=Te)=>`component.${e}.exceptions.${r}.message`,Ce=r=>typeof r=="object"&&r!==null,Re=r=>{if(!Ce(r))return null;let e={};return typeof r.code=="string"&&(e.code=r.code),typeof r.message=="string"&&(e.message=r.message),typeof r.translation_domain=="string"&&(e.translation_domain=r.translation_domain),typeof r.translation_key=="string"&&(e.translation_key=r.translation_key),Ce(r.translation_placeholders)&&(e.translation_placeholders=Object.fromEntries(Object.entries(r.translation_placeholders).map(([t,s])=>[t,String(s)]))),e},Pe=r=>Re(r)?.translation_key??null,Ss=(r,e,t)=>{let s=Re(r);if(s?.translation_key){let n=e[ws(s.translation_key,s.translation_domain)];if(n){let o=_t(n,s.translation_placeholders??{});if(!/\{[a-zA-Z0-9_]+\}/.test(o)||!s.message)return o}}return s?.message?s.message:r instanceof Error&&r.message?r.message:t},bt=class{constructor(e,t,s,n={}){this.language=e;this.strings=t;this.fallbackStrings=s;this.resources=n}t(e,t){let s=this.strings[e]??this.fallbackStrings[e]??e;return _t(s,t)}tOr(e,t,s){let n=this.strings[e]??this.fallbackStrings[e];return n===void 0?t:_t(n,s)}plural(e,t,s={}){return this.t(`${e}_${t===1?"one":"other"}`,{count:t,...s})}server(e,t,s){return this.resources[e]??this.strings[t]??this.fallbackStrings[t]??s}phase(e){return this.server(Ht.phase(e),`phase.${e}`,e)}reason(e){return this.server(Ht.reason(e),`reason.${e}`,e)}feels(e){return this.server(Ht.feels(e),`feels.${e}`,e)}theme(e){let t=e.replace(/_/g," ");return this.resources[Ee.theme(e)]??t.charAt(0).toUpperCase()+t.slice(1)}safetyNote(e,t){return(e?this.resources[Ee.safetyNote(e)]:void 0)??t??null}error(e){return Ss(e,this.resources,this.t("panel.error_generic"))}};var Ie={panel:{title:"Together",menu:"Open the sidebar",loading:"Loading…",retry:"Try again",error_generic:"Something went wrong, and nothing was changed. Please try again.",couple_label:"Couple",tabs_label:"Sections of Together",saving:"Saving…",saved:"Saved",not_connected:"Today's details have not arrived yet. They show here as soon as they do."},tabs:{today:"Today",dose:"My dose",check_in:"Check in",prompt:"Tonight's prompt",ritual:"Ritual",history:"My history"},not_partner:{heading:"This space belongs to a couple",body:"Together is kept by the two partners of a couple, and your user is not linked to either of them, so there is nothing to show here.",hint:"If that seems wrong, whoever set up Microdose Together can link your user to a partner in its settings."},today:{heading:"Today",phase_label:"Phase",cycle_day:"Day {day} of the cycle",dose_today:"Today is a dose day.",next_dose:"Next dose day: {date}",no_next_dose:"No dose day is planned yet.",break_end:"The tolerance break ends on {date}.",paused:"The protocol is paused. Nothing is expected of you until it resumes.",calm_heading:"Is today calm?",calm_yes:"Today looks calm.",calm_no:"Today may not be calm, because:",calm_unknown:"There is no reading of the day yet.",feels_label:"Today feels",feels_hint:"Automatic follows your calendars. Choose calm or not calm if you know better.",intention_heading:"Our intention",intention_label:"Shared intention",intention_hint:"A few words you both carry through the day. You both see and can change it.",intention_save:"Save intention",intention_too_long:"Please keep the intention to {max} characters.",us_heading:"The two of you",dosed_today:"Dosed today",not_dosed_today:"No dose today",checked_in_today:"Checked in today",not_checked_in_today:"Not checked in yet today"},dose:{heading:"My dose",planned:"Your planned dose is {amount}.",log:"Log my dose · {amount}",amount:"{grams} g {form}",dosed_today:"You have logged your dose today.",not_dosed_today:"You have not logged a dose today.",last_dose:"Your last dose: {when}",doses_this_cycle:"Doses this cycle: {count}",logged:"Your dose is logged. Go gently today.",logged_off_protocol:"Your dose is logged and marked as off protocol. Go gently today.",ack_intro:"If you still want to record it, it will be kept and marked as off protocol.",ack_label:"I understand this is off protocol",confirm:"Confirm off-protocol dose",safety_heading:"A note of care"},form:{dried:"dried",fresh_truffle:"fresh truffle"},check_in:{heading:"Check in",intro:"How are you right now? Choose a number on each scale.",due:"A check-in is due.",not_due:"No check-in is due right now.",checked_in_today:"You have checked in today.",streak_one:"Streak: {count} day",streak_other:"Streak: {count} days",mood:"Mood",mood_low:"Low",mood_high:"Bright",mood_missing:"Choose a number for mood.",connection:"Connection",connection_low:"Distant",connection_high:"Close",connection_missing:"Choose a number for connection.",stress:"Stress",stress_low:"At ease",stress_high:"Very stressed",stress_missing:"Choose a number for stress.",note_label:"Private note",note_hint:"Only you can read this note. Your partner sees your scores, never the note.",note_count:"{count} of {max} characters",note_too_long:"The note is {count} characters long; please keep it to {max}.",save:"Save check-in"},prompt:{heading:"Tonight's prompt",none:"There is no prompt today.",none_hint:"When one arrives in the evening, it shows here by itself.",theme:"Theme: {theme}",answer_label:"Your answer",answer_hint:"{name} sees your answer only once they have answered too.",send:"Send answer",empty:"Write a few words before sending.",too_long:"The answer is {count} characters long; please keep it to {max}.",partner_answered:"{name} has answered. Both answers show once you send yours.",waiting:"Waiting for {name}",waiting_hint:"Your answer is kept. Both answers show here once {name} has answered.",what_you_wrote:"What you wrote",both:"Both answers"},ritual:{heading:"The evening ritual",intro:"Starting the ritual dims the lights, starts the music and sends tonight's prompt. Ending it puts the room back as it was.",running:"The ritual is on, since {time}.",running_no_time:"The ritual is on.",not_running:"The ritual is not on.",phones_of:"{name}'s phones",start:"Start ritual",end:"End ritual",report_start:"What starting did",report_end:"What ending did",summary:"Done: {done}. Skipped: {skipped}. Failed: {failed}.",no_steps:"There was nothing to do.",status_done:"Done",status_skipped:"Skipped",status_failed:"Failed",error_detail:"Reason: {error}",step:{light:"Dim the lights",volume:"Set the volume",play_media:"Choose the music",shuffle:"Shuffle the music",play:"Play the music",notify:"Send tonight's prompt",restore_light:"Put the lights back",pause_media:"Pause the music",restore_volume:"Put the volume back"}},history:{heading:"My history",range_legend:"Days to show",from:"From",to:"To",show:"Show",range_missing:"Choose both dates.",range_reversed:"The end date is before the start date.",range_too_long:"Choose at most {days} days at a time.",my_check_ins:"My check-ins",no_check_ins:"You did not check in on these days.",scores_line:"Mood {mood} · Connection {connection} · Stress {stress}",note:"Private note",scores_heading:"Both of your scores",score_select:"Score to show",chart_label:"{scale} from {start} to {end}: {me} is the solid line, {partner} the dashed line, dose days are marked below.",day:"Day",dose_column:"Dose",legend_dose:"Dose day",no_dose:"—",no_score:"—",no_scores:"Neither of you checked in on these days.",prompts_heading:"Past prompts",no_prompts:"There were no prompts on these days.",not_revealed:"Not shared yet: both answers show once both of you have answered.",your_answer_so_far:"Your answer (only you see it for now)",no_answer:"No answer",off_protocol:"off protocol"},phase:{dose_day:"Dose day",rest_day:"Rest day",tolerance_break:"Tolerance break",paused:"Paused"},reason:{busy_hours:"Busy hours in the calendar",many_events:"Many events",stress_keyword:"A stressful event",partner_stressed:"One of you feels stressed",calendar_unreadable:"A calendar could not be read",override:"Set by hand"},feels:{automatic:"Automatic",calm:"Calm",not_calm:"Not calm"}};var De={panel:{title:"Yhdessä",menu:"Avaa sivupalkki",loading:"Ladataan…",retry:"Yritä uudelleen",error_generic:"Jokin meni vikaan, eikä mitään muutettu. Yritä uudelleen.",couple_label:"Pariskunta",tabs_label:"Yhdessä-näkymän osiot",saving:"Tallennetaan…",saved:"Tallennettu",not_connected:"Päivän tiedot eivät ole vielä tulleet. Ne näkyvät tässä heti, kun tulevat."},tabs:{today:"Tänään",dose:"Oma annos",check_in:"Kuulumiset",prompt:"Illan kysymys",ritual:"Rituaali",history:"Oma historia"},not_partner:{heading:"Tämä tila kuuluu pariskunnalle",body:"Yhdessä-näkymää käyttävät pariskunnan kaksi kumppania, eikä käyttäjääsi ole yhdistetty kumpaankaan heistä, joten tässä ei ole sinulle näytettävää.",hint:"Jos tämä tuntuu väärältä, Microdose Togetherin käyttöönottaja voi yhdistää käyttäjäsi kumppaniin sen asetuksissa."},today:{heading:"Tänään",phase_label:"Vaihe",cycle_day:"Jakson {day}. päivä",dose_today:"Tänään on annospäivä.",next_dose:"Seuraava annospäivä: {date}",no_next_dose:"Annospäivää ei ole vielä suunniteltu.",break_end:"Toleranssitauko päättyy {date}.",paused:"Protokolla on keskeytetty. Sinulta ei odoteta mitään ennen kuin se jatkuu.",calm_heading:"Onko tänään rauhallista?",calm_yes:"Tänään näyttää rauhalliselta.",calm_no:"Tänään ei ehkä ole rauhallista, koska:",calm_unknown:"Päivästä ei ole vielä arviota.",feels_label:"Tänään tuntuu",feels_hint:"Automaattinen seuraa kalentereitanne. Valitse rauhalliselta tai levottomalta, jos tiedät paremmin.",intention_heading:"Yhteinen aikomuksemme",intention_label:"Yhteinen aikomus",intention_hint:"Muutama sana, jonka kumpikin kantaa mukanaan päivän läpi. Näette sen molemmat ja voitte kumpikin muuttaa sitä.",intention_save:"Tallenna aikomus",intention_too_long:"Pidä aikomus enintään {max} merkin mittaisena.",us_heading:"Te kaksi",dosed_today:"Annos otettu tänään",not_dosed_today:"Ei annosta tänään",checked_in_today:"Kuulumiset kerrottu tänään",not_checked_in_today:"Kuulumisia ei vielä kerrottu tänään"},dose:{heading:"Oma annos",planned:"Suunniteltu annoksesi on {amount}.",log:"Kirjaa annokseni · {amount}",amount:"{grams} g {form}",dosed_today:"Olet kirjannut annoksesi tänään.",not_dosed_today:"Et ole kirjannut annosta tänään.",last_dose:"Viimeisin annoksesi: {when}",doses_this_cycle:"Annoksia tällä jaksolla: {count}",logged:"Annoksesi on kirjattu. Ota tänään rauhallisesti.",logged_off_protocol:"Annoksesi on kirjattu ja merkitty protokollan ulkopuoliseksi. Ota tänään rauhallisesti.",ack_intro:"Jos haluat silti kirjata sen, kirjaus säilytetään ja merkitään protokollan ulkopuoliseksi.",ack_label:"Ymmärrän, että tämä on protokollan ulkopuolella",confirm:"Vahvista protokollan ulkopuolinen annos",safety_heading:"Pidä huolta itsestäsi"},form:{dried:"kuivattuja sieniä",fresh_truffle:"tuoreita tryffeleitä"},check_in:{heading:"Kuulumiset",intro:"Miten voit juuri nyt? Valitse jokaiselta asteikolta numero.",due:"On aika kertoa kuulumiset.",not_due:"Kuulumisia ei nyt kysytä.",checked_in_today:"Olet kertonut kuulumisesi tänään.",streak_one:"Putki: {count} päivä",streak_other:"Putki: {count} päivää",mood:"Mieliala",mood_low:"Matala",mood_high:"Valoisa",mood_missing:"Valitse mielialalle numero.",connection:"Yhteys",connection_low:"Etäinen",connection_high:"Läheinen",connection_missing:"Valitse yhteydelle numero.",stress:"Stressi",stress_low:"Levollinen",stress_high:"Hyvin stressaantunut",stress_missing:"Valitse stressille numero.",note_label:"Yksityinen muistiinpano",note_hint:"Vain sinä voit lukea tämän muistiinpanon. Kumppanisi näkee numerosi, muttei koskaan muistiinpanoa.",note_count:"{count}/{max} merkkiä",note_too_long:"Muistiinpanossa on {count} merkkiä; pidä se enintään {max} merkin mittaisena.",save:"Tallenna kuulumiset"},prompt:{heading:"Illan kysymys",none:"Tänään ei ole kysymystä.",none_hint:"Kun kysymys tulee illalla, se näkyy tässä itsestään.",theme:"Teema: {theme}",answer_label:"Vastauksesi",answer_hint:"{name} näkee vastauksesi vasta, kun on itse vastannut.",send:"Lähetä vastaus",empty:"Kirjoita muutama sana ennen lähettämistä.",too_long:"Vastauksessa on {count} merkkiä; pidä se enintään {max} merkin mittaisena.",partner_answered:"{name} on vastannut. Molemmat vastaukset näkyvät, kun lähetät omasi.",waiting:"Odotetaan, että {name} vastaa",waiting_hint:"Vastauksesi on tallessa. Molemmat vastaukset näkyvät tässä, kun {name} on vastannut.",what_you_wrote:"Mitä kirjoitit",both:"Molemmat vastaukset"},ritual:{heading:"Iltarituaali",intro:"Rituaalin aloitus himmentää valot, käynnistää musiikin ja lähettää illan kysymyksen. Lopetus palauttaa huoneen ennalleen.",running:"Rituaali on käynnissä, alkoi {time}.",running_no_time:"Rituaali on käynnissä.",not_running:"Rituaali ei ole käynnissä.",phones_of:"Puhelimet: {name}",start:"Aloita rituaali",end:"Lopeta rituaali",report_start:"Mitä aloitus teki",report_end:"Mitä lopetus teki",summary:"Tehty: {done}. Ohitettu: {skipped}. Epäonnistui: {failed}.",no_steps:"Tehtävää ei ollut.",status_done:"Tehty",status_skipped:"Ohitettu",status_failed:"Epäonnistui",error_detail:"Syy: {error}",step:{light:"Himmennä valot",volume:"Säädä äänenvoimakkuus",play_media:"Valitse musiikki",shuffle:"Sekoita musiikki",play:"Soita musiikkia",notify:"Lähetä illan kysymys",restore_light:"Palauta valot",pause_media:"Keskeytä musiikki",restore_volume:"Palauta äänenvoimakkuus"}},history:{heading:"Oma historia",range_legend:"Näytettävät päivät",from:"Alkaen",to:"Asti",show:"Näytä",range_missing:"Valitse molemmat päivät.",range_reversed:"Loppupäivä on ennen alkupäivää.",range_too_long:"Valitse enintään {days} päivää kerrallaan.",my_check_ins:"Omat kuulumiseni",no_check_ins:"Et kertonut kuulumisiasi näinä päivinä.",scores_line:"Mieliala {mood} · Yhteys {connection} · Stressi {stress}",note:"Yksityinen muistiinpano",scores_heading:"Teidän molempien numerot",score_select:"Näytettävä asteikko",chart_label:"{scale} {start}–{end}: {me} on yhtenäinen viiva, {partner} katkoviiva, annospäivät on merkitty alle.",day:"Päivä",dose_column:"Annos",legend_dose:"Annospäivä",no_dose:"—",no_score:"—",no_scores:"Kumpikaan teistä ei kertonut kuulumisiaan näinä päivinä.",prompts_heading:"Aiemmat kysymykset",no_prompts:"Näinä päivinä ei ollut kysymyksiä.",not_revealed:"Ei vielä jaettu: molemmat vastaukset näkyvät, kun olette kumpikin vastanneet.",your_answer_so_far:"Vastauksesi (toistaiseksi vain sinä näet sen)",no_answer:"Ei vastausta",off_protocol:"protokollan ulkopuolella"},phase:{dose_day:"Annospäivä",rest_day:"Lepopäivä",tolerance_break:"Toleranssitauko",paused:"Keskeytetty"},reason:{busy_hours:"Kalenterissa paljon varattua aikaa",many_events:"Paljon tapahtumia",stress_keyword:"Stressaava tapahtuma",partner_stressed:"Toinen teistä on stressaantunut",calendar_unreadable:"Kalenteria ei voitu lukea",override:"Asetettu käsin"},feels:{automatic:"Automaattinen",calm:"Rauhalliselta",not_calm:"Levottomalta"}};var Ut={en:ft(Ie),fi:ft(De)};var vt=["today","dose","check-in","prompt","ritual","history"],Cs="today",nt="/microdose-together",jt=r=>{let e=(r??"").split(/[?#]/)[0].replace(/^\/+/,"").split("/")[0];return vt.includes(e)?e:Cs},Le=r=>{let e=new URLSearchParams(r??"").get("couple");return e||null},zt=(r,e)=>{if(r.length===0)return{kind:"none"};let t=r.find(s=>s.config_entry_id===e)??r[0];return r.length===1?{kind:"one",couple:t}:{kind:"several",couple:t,couples:r}},Oe=(r,e,t=nt)=>{let s=`${t.replace(/\/+$/,"")}/${r}`;return e?`${s}?couple=${encodeURIComponent(e)}`:s};var b=g`
  :host {
    display: block;
    color: var(--primary-text-color, #212121);
    font-family: inherit;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--card-background-color, #fff);
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
    border-radius: var(--ha-card-border-radius, 12px);
    padding: 20px;
    margin: 0 0 16px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.25rem;
    font-weight: 500;
    margin: 0 0 12px;
  }
  h3 {
    font-size: 1.05rem;
    font-weight: 500;
    margin: 16px 0 8px;
  }
  p {
    margin: 0 0 10px;
    line-height: 1.5;
  }
  .muted,
  .hint {
    color: var(--secondary-text-color, #727272);
  }
  .hint {
    font-size: 0.9rem;
    margin: 4px 0 8px;
  }
  .big {
    font-size: 1.15rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 8px;
    padding: 10px 18px;
    min-height: 44px;
    border: 1px solid var(--primary-color, #03a9f4);
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
    max-width: 100%;
  }
  button.secondary {
    background: transparent;
    color: var(--primary-color, #03a9f4);
  }
  button[disabled] {
    cursor: default;
    opacity: 0.5;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--primary-text-color, #212121);
    background: var(--primary-background-color, #fafafa);
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.24));
    border-radius: 8px;
    padding: 10px 12px;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 96px;
    resize: vertical;
  }
  label {
    display: block;
    font-weight: 500;
    margin: 0 0 4px;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .status {
    color: var(--success-color, #2e7d32);
    font-weight: 500;
  }
  .error {
    color: var(--error-color, #b00020);
  }
  .notice {
    border-left: 4px solid var(--warning-color, #f9a825);
    padding: 8px 12px;
    margin: 12px 0;
  }
  .notice.error-box {
    border-left-color: var(--error-color, #b00020);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;var qt="mdt-couple-changed",B=class extends k{constructor(){super(...arguments);this.couples=[];this.selected=""}change(t){let s=t.target.value;this.dispatchEvent(new CustomEvent(qt,{detail:{entryId:s},bubbles:!0,composed:!0}))}render(){return a`<div class="chooser">
      <label for="couple">${this.loc.t("panel.couple_label")}</label>
      <select id="couple" .value=${this.selected} @change=${this.change}>
        ${this.couples.map(t=>a`<option
              value=${t.config_entry_id}
              ?selected=${t.config_entry_id===this.selected}
            >
              ${t.couple_name}
            </option>`)}
      </select>
    </div>`}};B.styles=[b,g`
      .chooser {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      label {
        margin: 0;
      }
      select {
        min-width: 0;
        flex: 0 1 360px;
      }
    `],p([f({attribute:!1})],B.prototype,"loc",2),p([f({attribute:!1})],B.prototype,"couples",2),p([f({attribute:!1})],B.prototype,"selected",2);_("mdt-couple-chooser",B);var v=class extends k{constructor(){super(...arguments);this.today=null;this.entryId=""}};p([f({attribute:!1})],v.prototype,"hass",2),p([f({attribute:!1})],v.prototype,"loc",2),p([f({attribute:!1})],v.prototype,"today",2),p([f({attribute:!1})],v.prototype,"entryId",2);var ot=["mood","connection","stress"],Me=[1,2,3,4,5],N=2e3,Ft=()=>({mood:null,connection:null,stress:null,note:""}),Ne=r=>typeof r=="number"&&Number.isInteger(r)&&r>=1&&r<=5,He=r=>{if(r==null||!/^\s*\d+\s*$/.test(r))return null;let e=Number(r);return Ne(e)?e:null},$t=r=>{let e=[];for(let s of ot)Ne(r[s])||e.push({field:s,kind:"missing"});let t=M(r.note.trim());return t>N&&e.push({field:"note",kind:"too_long",count:t,max:N}),e},Ue=r=>{if($t(r).length>0)return null;let e=r.note.trim();return{mood:r.mood,connection:r.connection,stress:r.stress,...e?{note:e}:{}}};var P=class extends v{constructor(){super(...arguments);this.draft=Ft();this.problems=[];this.status="idle";this.error=null;this.tried=!1}update_(t){this.draft={...this.draft,...t},this.status==="saved"&&(this.status="idle"),this.tried&&(this.problems=$t(this.draft))}async submit(t){t.preventDefault(),this.tried=!0,this.problems=$t(this.draft);let s=Ue(this.draft);if(!s){let n=this.problems[0]?.field;this.renderRoot.querySelector(n==="note"?"#note":`input[name="${n}"]`)?.focus();return}this.error=null,this.status="saving";try{await fe(this.hass,this.entryId,s),this.status="saved",this.draft=Ft(),this.tried=!1,this.problems=[],C(this)}catch(n){this.status="idle",this.error=this.loc.error(n)}}problemOf(t){return this.problems.find(s=>s.field===t)}scale(t){let s=this.loc.t.bind(this.loc),n=this.problemOf(t);return a`
      <fieldset
        class="scale"
        aria-describedby="${t}-ends${n?` ${t}-error`:""}"
      >
        <legend>${s(`check_in.${t}`)}</legend>
        <div class="scale-row">
          <span class="end" id="${t}-low">${s(`check_in.${t}_low`)}</span>
          <div class="choices">
            ${Me.map(o=>a`
                <span class="choice">
                  <input
                    type="radio"
                    id="${t}-${o}"
                    name=${t}
                    .value=${String(o)}
                    .checked=${this.draft[t]===o}
                    @change=${i=>this.update_({[t]:He(i.target.value)})}
                  />
                  <label for="${t}-${o}">${o}</label>
                </span>
              `)}
          </div>
          <span class="end" id="${t}-high">${s(`check_in.${t}_high`)}</span>
        </div>
        <span class="visually-hidden" id="${t}-ends">
          1 = ${s(`check_in.${t}_low`)}, 5 = ${s(`check_in.${t}_high`)}
        </span>
        ${n?a`<p class="error" id="${t}-error">${s(`check_in.${t}_missing`)}</p>`:d}
      </fieldset>
    `}render(){let t=this.loc.t.bind(this.loc),s=this.today?.me,n=M(this.draft.note.trim()),o=this.problemOf("note");return a`
      <section class="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">${t("check_in.heading")}</h2>
        ${s?a`<p class="${s.check_in.due?"due":"muted"}">
                ${s.check_in.checked_in_today?t("check_in.checked_in_today"):s.check_in.due?t("check_in.due"):t("check_in.not_due")}
              </p>
              <p class="muted">${this.loc.plural("check_in.streak",s.check_in.streak)}</p>`:d}
        <p>${t("check_in.intro")}</p>
        <form @submit=${this.submit} novalidate>
          ${ot.map(i=>this.scale(i))}
          <label for="note">${t("check_in.note_label")}</label>
          <p class="hint" id="note-hint">${t("check_in.note_hint")}</p>
          <textarea
            id="note"
            rows="4"
            aria-describedby="note-hint note-count"
            aria-invalid=${o?"true":"false"}
            .value=${this.draft.note}
            @input=${i=>this.update_({note:i.target.value})}
          ></textarea>
          <p class="hint count ${n>N?"error":""}" id="note-count">
            ${t("check_in.note_count",{count:n,max:N})}
          </p>
          ${o&&o.kind==="too_long"?a`<p class="error">
                ${t("check_in.note_too_long",{count:o.count,max:N})}
              </p>`:d}
          <div class="row">
            <button type="submit" ?disabled=${this.status==="saving"||!this.today}>
              ${t("check_in.save")}
            </button>
            <span role="status" class="status">
              ${this.status==="saved"?t("panel.saved"):""}
            </span>
          </div>
          ${this.error?a`<p class="error" role="alert">${this.error}</p>`:d}
        </form>
      </section>
    `}};P.styles=[b,g`
      fieldset.scale {
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        border-radius: 8px;
        margin: 0 0 16px;
        padding: 8px 12px 12px;
        min-width: 0;
      }
      legend {
        font-weight: 500;
        padding: 0 4px;
      }
      .scale-row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
        align-items: center;
        gap: 8px;
      }
      .end {
        font-size: 0.9rem;
        color: var(--secondary-text-color, #727272);
      }
      .end:last-child {
        text-align: end;
      }
      .choices {
        display: flex;
        gap: 2px;
      }
      .choice {
        position: relative;
      }
      .choice input {
        position: absolute;
        opacity: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        inset: 0;
        cursor: pointer;
      }
      .choice label {
        display: flex;
        align-items: center;
        justify-content: center;
        width: 40px;
        height: 40px;
        margin: 0;
        border-radius: 50%;
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.24));
        font-weight: 500;
        cursor: pointer;
      }
      .choice input:checked + label {
        background: var(--primary-color, #03a9f4);
        border-color: var(--primary-color, #03a9f4);
        color: var(--text-primary-color, #fff);
      }
      .choice input:focus-visible + label {
        outline: 3px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
      }
      @media (max-width: 420px) {
        .scale-row {
          grid-template-columns: 1fr 1fr;
        }
        .choices {
          grid-column: 1 / -1;
          grid-row: 1;
          justify-content: space-between;
        }
        .end:first-child {
          grid-row: 2;
        }
      }
      .count {
        text-align: end;
        margin-top: 4px;
      }
      .due {
        font-weight: 500;
        border-left: 4px solid var(--warning-color, #f9a825);
        padding-left: 8px;
      }
    `],p([y()],P.prototype,"draft",2),p([y()],P.prototype,"problems",2),p([y()],P.prototype,"status",2),p([y()],P.prototype,"error",2),p([y()],P.prototype,"tried",2);_("mdt-check-in-view",P);var Ts=/^(\d{4})-(\d{2})-(\d{2})$/,Bt=r=>{let e=Ts.exec(r??"");return e?new Date(Date.UTC(+e[1],+e[2]-1,+e[3])).toISOString().slice(0,10)===r:!1},kt=r=>Date.parse(`${r}T00:00:00Z`),je=(r,e)=>new Date(kt(r)+e*864e5).toISOString().slice(0,10),Rs=(r,e)=>Math.round((kt(e)-kt(r))/864e5)+1,ze=(r=new Date)=>{let e=t=>String(t).padStart(2,"0");return`${r.getFullYear()}-${e(r.getMonth()+1)}-${e(r.getDate())}`},qe=(r,e=30)=>({start:je(r,-(e-1)),end:r}),Fe=(r,e=366)=>!Bt(r.start)||!Bt(r.end)?{kind:"missing"}:r.end<r.start?{kind:"reversed"}:Rs(r.start,r.end)>e?{kind:"too_long",days:e}:null,Be=r=>{let e=[];for(let t=r.start;t<=r.end;t=je(t,1))e.push(t);return e},it=(r,e,t=!1)=>{if(!Bt(r))return r;try{return new Intl.DateTimeFormat(e,{timeZone:"UTC",weekday:"short",day:"numeric",month:t?"long":"short",...t?{year:"numeric"}:{}}).format(new Date(kt(r)))}catch{return r}},K=(r,e,t=!1)=>{let s=new Date(r);if(Number.isNaN(s.getTime()))return r;try{return new Intl.DateTimeFormat(e,{...t?{weekday:"short",day:"numeric",month:"short"}:{},hour:"2-digit",minute:"2-digit"}).format(s)}catch{return r}},We=(r,e)=>{try{return new Intl.NumberFormat(e,{maximumFractionDigits:3}).format(r)}catch{return String(r)}};var Ps=new Set(["dose_refused_rest_day","dose_refused_tolerance_break","dose_refused_paused"]),xt=()=>({busy:!1,error:null,result:null,acknowledged:!1}),Ye=(r,e)=>{let t=e.error!=null&&Ps.has(Pe(e.error)??""),s=e.error==null&&e.result!=null;return{dosedToday:!!r?.me.dosed_today||s,logDisabled:e.busy||r==null,refused:e.error!=null,needsAcknowledgement:t,confirmDisabled:!t||!e.acknowledged||e.busy,logged:s,loggedOffProtocol:s&&!!e.result?.off_protocol,safetyNote:s&&!!(e.result?.safety_note||e.result?.safety_note_key)}},Ve=(r,e)=>e.t("dose.amount",{grams:We(r.dose.amount_g,e.language),form:e.tOr(`form.${r.dose.form}`,r.dose.form)});var at=class extends v{constructor(){super(...arguments);this.attempt=xt()}async send(t){this.attempt={...this.attempt,busy:!0};try{let s=await ge(this.hass,this.entryId,t);this.attempt={...xt(),result:s},C(this)}catch(s){this.attempt={...xt(),error:s}}}render(){let t=this.today,s=this.loc,n=s.t.bind(s);if(!t)return a`<div class="card"><p>${n("panel.not_connected")}</p></div>`;let o=Ye(t,this.attempt),i=Ve(t,s),l=this.attempt.result;return a`
      <section class="card" aria-labelledby="dose-heading">
        <h2 id="dose-heading">${n("dose.heading")}</h2>
        <p>${n("dose.planned",{amount:i})}</p>
        <p class="big ${o.dosedToday?"status":""}">
          ${o.dosedToday?n("dose.dosed_today"):n("dose.not_dosed_today")}
        </p>
        ${t.me.last_dose?a`<p class="muted">
              ${n("dose.last_dose",{when:K(t.me.last_dose,this.hass.language,!0)})}
            </p>`:d}
        <p class="muted">${n("dose.doses_this_cycle",{count:t.me.doses_this_cycle})}</p>
        <button
          type="button"
          class="log"
          ?disabled=${o.logDisabled}
          aria-describedby="dose-outcome"
          @click=${()=>this.send(!1)}
        >
          ${n("dose.log",{amount:i})}
        </button>

        <div id="dose-outcome">
          ${o.refused?a`<p class="notice ${o.needsAcknowledgement?"":"error-box"}" role="alert">
                ${s.error(this.attempt.error)}
              </p>`:d}
          ${o.needsAcknowledgement?a`<div class="ack">
                <p>${n("dose.ack_intro")}</p>
                <div class="check">
                  <input
                    id="ack"
                    type="checkbox"
                    .checked=${this.attempt.acknowledged}
                    @change=${u=>{this.attempt={...this.attempt,acknowledged:u.target.checked}}}
                  />
                  <label for="ack">${n("dose.ack_label")}</label>
                </div>
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${o.confirmDisabled}
                  @click=${()=>this.send(!0)}
                >
                  ${n("dose.confirm")}
                </button>
              </div>`:d}
          <p role="status" class="status">
            ${o.logged?o.loggedOffProtocol?n("dose.logged_off_protocol"):n("dose.logged"):""}
          </p>
          ${o.safetyNote&&l?a`<aside class="notice" aria-labelledby="safety-heading">
                <h3 id="safety-heading">${n("dose.safety_heading")}</h3>
                <p>${s.safetyNote(l.safety_note_key,l.safety_note)}</p>
              </aside>`:d}
        </div>
      </section>
    `}};at.styles=[b,g`
      button.log {
        margin: 8px 0 4px;
        font-size: 1.05rem;
      }
      .ack {
        margin-top: 8px;
      }
      .check {
        display: flex;
        gap: 10px;
        align-items: flex-start;
        margin: 8px 0 12px;
      }
      .check input {
        width: 22px;
        height: 22px;
        margin: 0;
        flex: none;
      }
      .check label {
        margin: 0;
        font-weight: 400;
      }
      .notice h3 {
        margin-top: 0;
      }
    `],p([y()],at.prototype,"attempt",2);_("mdt-dose-view",at);var Wt=r=>({mood:r.mood,connection:r.connection,stress:r.stress}),Is=(r,e)=>Date.parse(r.at)-Date.parse(e.at)||r.at.localeCompare(e.at),Ke=(r,e)=>{let t=[...r?.check_ins??[]].sort(Is),s=r?.doses??[],n=e===1?2:1,o=t.filter(c=>c.partner===e).map(c=>({day:c.day,at:c.at,...Wt(c),note:c.note||null})).reverse(),i=new Map,l=c=>{let h=i.get(c);return h||(h={day:c,me:null,partner:null,dosedMe:!1,dosedPartner:!1,offProtocol:!1},i.set(c,h)),h};for(let c of t)c.partner===e?l(c.day).me=Wt(c):c.partner===n&&(l(c.day).partner=Wt(c));for(let c of s){let h=l(c.day);c.partner===e?h.dosedMe=!0:c.partner===n&&(h.dosedPartner=!0),h.offProtocol||=c.off_protocol}let u=[...i.values()].sort((c,h)=>c.day.localeCompare(h.day)),m=[...r?.prompts??[]].sort((c,h)=>h.day.localeCompare(c.day)).map(c=>{let h=c.revealed?c.answers??{}:{};return{day:c.day,promptId:c.prompt_id,theme:c.theme,text:c.text,revealed:c.revealed,mine:h[String(e)]??c.own_answer??null,theirs:c.revealed?h[String(n)]??null:null}});return{myCheckIns:o,days:u,prompts:m}},Ge=(r,e,t,s=600,n=160,o=12)=>{let i=Be(e),l=new Map(r.map($=>[$.day,$])),u=n-o*2,m=$=>i.length<=1?s/2:o+$*(s-o*2)/(i.length-1),c=$=>o+(5-$)*(u-o)/4,h=$=>Math.round($*10)/10,w=$=>{let L=[],E=[];return i.forEach((dt,ss)=>{let Yt=l.get(dt)?.[$];Yt?E.push(`${h(m(ss))},${h(c(Yt[t]))}`):E.length&&(L.push(E.join(" ")),E=[])}),E.length&&L.push(E.join(" ")),L},A=$=>i.flatMap((L,E)=>{let dt=l.get(L)?.[$];return dt?[{x:h(m(E)),y:h(c(dt[t]))}]:[]}),D=[];return i.forEach(($,L)=>{let E=l.get($);E?.dosedMe&&D.push({x:h(m(L)),who:"me"}),E?.dosedPartner&&D.push({x:h(m(L)),who:"partner"})}),{width:s,height:n,me:w("me"),partner:w("partner"),meDots:A("me"),partnerDots:A("partner"),doses:D,levels:[1,2,3,4,5].map($=>({score:$,y:h(c($))}))}};var T=class extends v{constructor(){super(...arguments);this.range=null;this.draft={};this.history=null;this.shownRange=null;this.loading=!1;this.error=null;this.scale="mood";this.loadedFor=null;this.request=0}willUpdate(t){if((t.has("entryId")||this.range===null&&this.today)&&this.entryId&&this.loadedFor!==this.entryId){let s=this.today?.today??ze();this.range=qe(s),this.draft={...this.range},this.loadedFor=this.entryId,this.load(this.range)}}async load(t){let s=++this.request;this.loading=!0,this.error=null;try{let n=await xe(this.hass,this.entryId,t.start,t.end);if(s!==this.request)return;this.history=n,this.shownRange=t}catch(n){if(s!==this.request)return;this.error=this.loc.error(n)}finally{s===this.request&&(this.loading=!1)}}submit(t){t.preventDefault();let s=Fe(this.draft);if(s){let n=this.loc.t.bind(this.loc);this.error=s.kind==="too_long"?n("history.range_too_long",{days:s.days}):n(`history.range_${s.kind}`);return}this.range={start:this.draft.start,end:this.draft.end},this.load(this.range)}day(t){return it(t,this.hass.language)}scoresLine(t){return this.loc.t("history.scores_line",t)}renderMyCheckIns(t){let s=this.loc.t.bind(this.loc);return a`<section class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">${s("history.my_check_ins")}</h2>
      ${t.myCheckIns.length===0?a`<p class="muted">${s("history.no_check_ins")}</p>`:a`<ul class="plain entries">
            ${t.myCheckIns.map(n=>a`<li>
                <div class="when">
                  ${this.day(n.day)} · ${K(n.at,this.hass.language)}
                </div>
                <div>${this.scoresLine(n)}</div>
                ${n.note?a`<div class="note" aria-label=${s("history.note")}>${n.note}</div>`:d}
              </li>`)}
          </ul>`}
    </section>`}cell(t,s){let n=t[s];return n?String(n[this.scale]):this.loc.t("history.no_score")}doseCell(t){let s=[];if(t.dosedMe&&s.push(this.today?.me.name??""),t.dosedPartner&&s.push(this.today?.partner.name??""),!s.length)return this.loc.t("history.no_dose");let n=s.join(", ");return t.offProtocol?`${n} (${this.loc.t("history.off_protocol")})`:n}renderChart(t,s){let n=this.loc.t.bind(this.loc),o=this.today?.me.name??"",i=this.today?.partner.name??"",l=Ge(t.days,s,this.scale),u=n("history.chart_label",{scale:n(`check_in.${this.scale}`),start:this.day(s.start),end:this.day(s.end),me:o,partner:i});return a`<svg
      class="chart"
      viewBox="0 0 ${l.width} ${l.height}"
      role="img"
      aria-label=${u}
      preserveAspectRatio="none"
    >
      ${l.levels.map(m=>F`<line class="grid" x1="0" x2=${l.width} y1=${m.y} y2=${m.y}></line>`)}
      ${l.partner.map(m=>F`<polyline class="partner" points=${m}></polyline>`)}
      ${l.me.map(m=>F`<polyline class="me" points=${m}></polyline>`)}
      ${l.partnerDots.map(m=>F`<path class="dot partner" d="M${m.x} ${m.y}h0"></path>`)}
      ${l.meDots.map(m=>F`<path class="dot me" d="M${m.x} ${m.y}h0"></path>`)}
      ${l.doses.map(m=>F`<path class="dose ${m.who}" d="M${m.x} ${l.height-(m.who==="me"?14:5)}h0"></path>`)}
    </svg>`}renderScores(t,s){let n=this.loc.t.bind(this.loc),o=this.today?.me.name??"",i=this.today?.partner.name??"";return a`<section class="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading">${n("history.scores_heading")}</h2>
      ${t.days.length===0?a`<p class="muted">${n("history.no_scores")}</p>`:a`
            <label for="scale">${n("history.score_select")}</label>
            <select
              id="scale"
              .value=${this.scale}
              @change=${l=>{this.scale=l.target.value}}
            >
              ${ot.map(l=>a`<option value=${l} ?selected=${l===this.scale}>
                    ${n(`check_in.${l}`)}
                  </option>`)}
            </select>
            ${this.renderChart(t,s)}
            <p class="legend" aria-hidden="true">
              <span><span class="key me"></span>${o}</span>
              <span><span class="key partner"></span>${i}</span>
              <span><span class="key dose"></span>${n("history.legend_dose")}</span>
            </p>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${n("history.scores_heading")} · ${n(`check_in.${this.scale}`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${n("history.day")}</th>
                    <th scope="col">${o}</th>
                    <th scope="col">${i}</th>
                    <th scope="col">${n("history.dose_column")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${[...t.days].reverse().map(l=>a`<tr class=${l.dosedMe||l.dosedPartner?"dose-day":""}>
                      <th scope="row">${this.day(l.day)}</th>
                      <td>${this.cell(l,"me")}</td>
                      <td>${this.cell(l,"partner")}</td>
                      <td>${this.doseCell(l)}</td>
                    </tr>`)}
                </tbody>
              </table>
            </div>
          `}
    </section>`}renderPrompts(t){let s=this.loc.t.bind(this.loc),n=this.today?.me.name??"",o=this.today?.partner.name??"";return a`<section class="card" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">${s("history.prompts_heading")}</h2>
      ${t.prompts.length===0?a`<p class="muted">${s("history.no_prompts")}</p>`:a`<ul class="plain entries">
            ${t.prompts.map(i=>a`<li>
                <div class="when">${this.day(i.day)}</div>
                <p class="question">${i.text}</p>
                ${i.revealed?a`<dl class="answers">
                      <div>
                        <dt>${n}</dt>
                        <dd>${i.mine??s("history.no_answer")}</dd>
                      </div>
                      <div>
                        <dt>${o}</dt>
                        <dd>${i.theirs??s("history.no_answer")}</dd>
                      </div>
                    </dl>`:a`${i.mine?a`<dl class="answers">
                            <div>
                              <dt>${s("history.your_answer_so_far")}</dt>
                              <dd>${i.mine}</dd>
                            </div>
                          </dl>`:d}
                      <p class="muted">${s("history.not_revealed")}</p>`}
              </li>`)}
          </ul>`}
    </section>`}render(){let t=this.loc.t.bind(this.loc),s=this.shownRange,n=this.history&&this.today?Ke(this.history,this.today.me.slot):null;return a`
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">${t("history.heading")}</h2>
        <form @submit=${this.submit} novalidate>
          <fieldset class="range">
            <legend>${t("history.range_legend")}</legend>
            <div class="row">
              <div>
                <label for="start">${t("history.from")}</label>
                <input
                  id="start"
                  type="date"
                  .value=${this.draft.start??""}
                  @change=${o=>{this.draft={...this.draft,start:o.target.value}}}
                />
              </div>
              <div>
                <label for="end">${t("history.to")}</label>
                <input
                  id="end"
                  type="date"
                  .value=${this.draft.end??""}
                  @change=${o=>{this.draft={...this.draft,end:o.target.value}}}
                />
              </div>
              <button type="submit" class="show" ?disabled=${this.loading}>
                ${t("history.show")}
              </button>
            </div>
          </fieldset>
        </form>
        <p role="status" class="muted">${this.loading?t("panel.loading"):""}</p>
        ${this.error?a`<p class="error" role="alert">${this.error}</p>`:d}
      </section>
      ${n&&s?a`${this.renderMyCheckIns(n)} ${this.renderScores(n,s)}
          ${this.renderPrompts(n)}`:d}
    `}};T.styles=[b,g`
      fieldset.range {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      fieldset.range legend {
        padding: 0;
        margin-bottom: 8px;
        font-weight: 500;
      }
      .row {
        align-items: flex-end;
      }
      input[type="date"] {
        min-width: 0;
      }
      .entries > li {
        padding: 12px 0;
        border-top: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .entries > li:first-child {
        border-top: 0;
        padding-top: 0;
      }
      .when {
        color: var(--secondary-text-color, #727272);
        font-size: 0.9rem;
        margin-bottom: 4px;
      }
      .note {
        margin-top: 6px;
        padding-left: 10px;
        border-left: 3px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        white-space: pre-wrap;
      }
      .question {
        font-weight: 500;
        margin-bottom: 6px;
      }
      dl.answers {
        margin: 0 0 6px;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr));
        gap: 8px 16px;
      }
      dl.answers dt {
        font-weight: 500;
      }
      dl.answers dd {
        margin: 2px 0 0;
        white-space: pre-wrap;
      }
      .chart {
        display: block;
        width: 100%;
        height: 160px;
        margin: 16px 0;
      }
      .chart .grid {
        stroke: var(--divider-color, rgba(0, 0, 0, 0.12));
        stroke-width: 1;
        vector-effect: non-scaling-stroke;
      }
      .chart polyline {
        fill: none;
        stroke-width: 2.5;
        vector-effect: non-scaling-stroke;
        stroke-linejoin: round;
      }
      .chart .me {
        stroke: var(--primary-color, #03a9f4);
      }
      .chart .partner {
        stroke: var(--secondary-text-color, #727272);
        stroke-dasharray: 6 4;
      }
      /* Zero-length paths with caps: round dots and square marks that the
         stretched viewBox does not distort. */
      .chart .dot,
      .chart .dose {
        fill: none;
        vector-effect: non-scaling-stroke;
      }
      .chart .dot {
        stroke-width: 7;
        stroke-linecap: round;
      }
      .chart .dose {
        stroke-width: 7;
        stroke-linecap: square;
      }
      .chart .dot.me,
      .chart .dose.me {
        stroke: var(--primary-color, #03a9f4);
      }
      .chart .dot.partner,
      .chart .dose.partner {
        stroke: var(--secondary-text-color, #727272);
      }
      .chart {
        margin-bottom: 4px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        font-size: 0.9rem;
        color: var(--secondary-text-color, #727272);
        margin-bottom: 12px;
      }
      .key {
        display: inline-block;
        vertical-align: middle;
        width: 18px;
        margin-right: 6px;
        border-top: 3px solid var(--primary-color, #03a9f4);
      }
      .key.partner {
        border-top: 3px dashed var(--secondary-text-color, #727272);
      }
      .key.dose {
        width: 8px;
        height: 8px;
        border: 0;
        background: var(--primary-color, #03a9f4);
      }
      .table-wrap {
        max-width: 100%;
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        font-weight: 400;
      }
      thead th {
        font-weight: 500;
      }
      tr.dose-day th[scope="row"] {
        font-weight: 500;
      }
    `],p([y()],T.prototype,"range",2),p([y()],T.prototype,"draft",2),p([y()],T.prototype,"history",2),p([y()],T.prototype,"shownRange",2),p([y()],T.prototype,"loading",2),p([y()],T.prototype,"error",2),p([y()],T.prototype,"scale",2);_("mdt-history-view",T);var lt=class extends k{render(){let e=this.loc.t.bind(this.loc);return a`<section class="card" aria-labelledby="not-partner-heading">
      <h2 id="not-partner-heading">${e("not_partner.heading")}</h2>
      <p>${e("not_partner.body")}</p>
      <p class="muted">${e("not_partner.hint")}</p>
    </section>`}};lt.styles=b,p([f({attribute:!1})],lt.prototype,"loc",2);_("mdt-not-a-partner-view",lt);var Xe=(r,e=null)=>{let t=r?.prompt;if(!r||!t)return{kind:"none"};let s={question:t.text,theme:t.theme};if(t.revealed&&t.answers)return{kind:"revealed",...s,mine:{name:r.me.name,text:t.answers.me},theirs:{name:r.partner.name,text:t.answers.partner}};let n=e!=null&&e.promptId===t.prompt_id;return t.i_answered||n?{kind:"waiting",...s,partnerName:r.partner.name,ownAnswer:t.own_answer??(n?e.text:null)}:{kind:"answer",...s,partnerName:r.partner.name,partnerAnswered:t.partner_answered}};var Ze=N,H=class extends v{constructor(){super(...arguments);this.answer="";this.sending=!1;this.problem=null;this.sent=null}async send(t){t.preventDefault();let s=this.answer.trim(),n=M(s);if(!s){this.problem=this.loc.t("prompt.empty");return}if(n>Ze){this.problem=this.loc.t("prompt.too_long",{count:n,max:Ze});return}let o=this.today?.prompt?.prompt_id;this.problem=null,this.sending=!0;try{await _e(this.hass,this.entryId,s),this.answer="",this.sent=o?{promptId:o,text:s}:null,C(this)}catch(i){this.problem=this.loc.error(i)}finally{this.sending=!1}}answerCard(t,s){return a`<article class="answer" aria-labelledby=${s}>
      <h4 id=${s}>${t.name}</h4>
      <p>${t.text}</p>
    </article>`}render(){let t=this.loc.t.bind(this.loc);if(!this.today)return a`<div class="card"><p>${t("panel.not_connected")}</p></div>`;let s=Xe(this.today,this.sent);return s.kind==="none"?a`<section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${t("prompt.heading")}</h2>
        <p>${t("prompt.none")}</p>
        <p class="muted">${t("prompt.none_hint")}</p>
      </section>`:a`
      <section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${t("prompt.heading")}</h2>
        ${s.theme?a`<p class="muted">${t("prompt.theme",{theme:this.loc.theme(s.theme)})}</p>`:d}
        <blockquote class="question">${s.question}</blockquote>
        ${s.kind==="answer"?a`<form @submit=${this.send}>
              ${s.partnerAnswered?a`<p class="notice">${t("prompt.partner_answered",{name:s.partnerName})}</p>`:d}
              <label for="answer">${t("prompt.answer_label")}</label>
              <p class="hint" id="answer-hint">
                ${t("prompt.answer_hint",{name:s.partnerName})}
              </p>
              <textarea
                id="answer"
                rows="5"
                aria-describedby="answer-hint"
                .value=${this.answer}
                @input=${n=>{this.answer=n.target.value}}
              ></textarea>
              <div class="row send">
                <button type="submit" ?disabled=${this.sending}>${t("prompt.send")}</button>
              </div>
              ${this.problem?a`<p class="error" role="alert">${this.problem}</p>`:d}
            </form>`:d}
        ${s.kind==="waiting"?a`<h3 class="waiting">${t("prompt.waiting",{name:s.partnerName})}</h3>
              <p>${t("prompt.waiting_hint",{name:s.partnerName})}</p>
              ${s.ownAnswer?a`<h4>${t("prompt.what_you_wrote")}</h4>
                    <p class="own">${s.ownAnswer}</p>`:d}`:d}
        ${s.kind==="revealed"?a`<section class="both" aria-labelledby="both-heading">
              <h3 id="both-heading">${t("prompt.both")}</h3>
              <div class="answers">
                ${this.answerCard(s.mine,"answer-me")}
                ${this.answerCard(s.theirs,"answer-partner")}
              </div>
            </section>`:d}
      </section>
    `}};H.styles=[b,g`
      .question {
        font-size: 1.2rem;
        line-height: 1.5;
        margin: 8px 0 20px;
        padding: 0 0 0 14px;
        border-left: 4px solid var(--primary-color, #03a9f4);
      }
      .send {
        margin-top: 12px;
      }
      /* Side by side where there is room, stacked on narrow screens. */
      .answers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
        gap: 12px;
      }
      .answer {
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        border-radius: 8px;
        padding: 12px 14px;
        min-width: 0;
      }
      .answer h4,
      h4 {
        margin: 0 0 6px;
        font-weight: 500;
      }
      .answer p,
      .own {
        white-space: pre-wrap;
        margin: 0;
      }
      .waiting {
        margin-top: 0;
      }
    `],p([y()],H.prototype,"answer",2),p([y()],H.prototype,"sending",2),p([y()],H.prototype,"problem",2),p([y()],H.prototype,"sent",2);_("mdt-prompt-view",H);var Ds="missing",Ls=r=>r.ok?"done":r.error===Ds?"skipped":"failed",Je=r=>{let e=(r?.steps??[]).map(s=>({step:s.step,target:s.target??null,status:Ls(s),error:s.error??null})),t=s=>e.filter(n=>n.status===s).length;return{rows:e,done:t("done"),skipped:t("skipped"),failed:t("failed")}},Qe=(r,e,t)=>{let s=/^prompt_(\d+)$/.exec(r);if(s){let n=Number(s[1]);return{kind:"phones",name:[e?.me,e?.partner].find(i=>i?.slot===n)?.name??r}}return{kind:"device",name:t?.[r]?.attributes?.friendly_name??r}};var W=class extends v{constructor(){super(...arguments);this.busy=null;this.report=null;this.error=null}async run(t){this.busy=t,this.error=null,this.report=null;try{let s=t==="start"?await $e(this.hass,this.entryId):await ke(this.hass,this.entryId);this.report={action:t,summary:Je(s)},C(this)}catch(s){this.error=this.loc.error(s)}finally{this.busy=null}}targetText(t){let s=Qe(t,this.today,this.hass?.states);return s.kind==="phones"?this.loc.t("ritual.phones_of",{name:s.name}):s.name}renderReport(){if(!this.report)return d;let t=this.loc.t.bind(this.loc),{action:s,summary:n}=this.report;return a`<section class="report" aria-labelledby="report-heading">
      <h3 id="report-heading">
        ${t(s==="start"?"ritual.report_start":"ritual.report_end")}
      </h3>
      ${n.rows.length===0?a`<p>${t("ritual.no_steps")}</p>`:a`<p>
              ${t("ritual.summary",{done:n.done,skipped:n.skipped,failed:n.failed})}
            </p>
            <ul class="plain steps">
              ${n.rows.map(o=>a`<li class="step ${o.status}">
                  <span class="badge">${t(`ritual.status_${o.status}`)}</span>
                  <span class="what">
                    ${this.loc.tOr(`ritual.step.${o.step}`,o.step)}
                    ${o.target?a`<span class="muted target">${this.targetText(o.target)}</span>`:d}
                    ${o.error?a`<span class="error detail">
                          ${t("ritual.error_detail",{error:o.error})}
                        </span>`:d}
                  </span>
                </li>`)}
            </ul>`}
    </section>`}render(){let t=this.loc.t.bind(this.loc),s=this.today?.ritual;return a`
      <section class="card" aria-labelledby="ritual-heading">
        <h2 id="ritual-heading">${t("ritual.heading")}</h2>
        <p class="muted">${t("ritual.intro")}</p>
        ${s?a`<p class="big">
              ${s.running?s.started_at?t("ritual.running",{time:K(s.started_at,this.hass.language)}):t("ritual.running_no_time"):t("ritual.not_running")}
            </p>`:d}
        <div class="row">
          <button
            type="button"
            class=${s?.running?"secondary":""}
            ?disabled=${this.busy!==null}
            @click=${()=>this.run("start")}
          >
            ${t("ritual.start")}
          </button>
          <button
            type="button"
            class=${s?.running?"":"secondary"}
            ?disabled=${this.busy!==null}
            @click=${()=>this.run("end")}
          >
            ${t("ritual.end")}
          </button>
          <span role="status" class="muted">${this.busy?t("panel.saving"):""}</span>
        </div>
        ${this.error?a`<p class="notice error-box" role="alert">${this.error}</p>`:d}
        ${this.renderReport()}
      </section>
    `}};W.styles=[b,g`
      .report {
        margin-top: 16px;
      }
      .step {
        display: flex;
        gap: 12px;
        align-items: flex-start;
        padding: 8px 0;
        border-top: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .badge {
        flex: none;
        min-width: 96px;
        font-weight: 500;
        font-size: 0.9rem;
        padding: 2px 8px;
        border-radius: 12px;
        border: 1px solid currentColor;
        text-align: center;
      }
      .step.done .badge {
        color: var(--success-color, #2e7d32);
      }
      .step.skipped .badge {
        color: var(--secondary-text-color, #727272);
      }
      .step.failed .badge {
        color: var(--error-color, #b00020);
        border-width: 2px;
      }
      .what {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      .target {
        font-size: 0.85rem;
      }
      .detail {
        font-size: 0.9rem;
      }
    `],p([y()],W.prototype,"busy",2),p([y()],W.prototype,"report",2),p([y()],W.prototype,"error",2);_("mdt-ritual-view",W);var ts=255,Os=["automatic","calm","not_calm"],I=class extends v{constructor(){super(...arguments);this.draft=null;this.intentionStatus="idle";this.intentionError=null;this.feelsStatus="idle";this.feelsError=null;this.dropDraftOnUpdate=!1}willUpdate(t){t.has("today")&&this.dropDraftOnUpdate&&(this.dropDraftOnUpdate=!1,this.draft=null)}get intention(){return this.draft??this.today?.intention??""}async saveIntention(t){t.preventDefault();let s=this.intention.trim();if(M(s)>ts){this.intentionError=this.loc.t("today.intention_too_long",{max:ts});return}this.intentionError=null,this.intentionStatus="saving";try{await be(this.hass,this.entryId,s),this.intentionStatus="saved",this.dropDraftOnUpdate=!0,C(this)}catch(n){this.intentionStatus="idle",this.intentionError=this.loc.error(n)}}async changeFeels(t){let s=t.target,n=s.value;this.feelsError=null,this.feelsStatus="saving";try{await ve(this.hass,this.entryId,n),this.feelsStatus="saved",C(this)}catch(o){this.feelsStatus="idle",this.feelsError=this.loc.error(o),s.value=this.today?.today_feels??"automatic"}}partnerLine(t){let{t:s}=this.bound;return a`<li>
      <strong>${t.name}</strong>:
      ${t.dosed_today?s("today.dosed_today"):s("today.not_dosed_today")} ·
      ${t.check_in.checked_in_today?s("today.checked_in_today"):s("today.not_checked_in_today")}
    </li>`}get bound(){return{t:this.loc.t.bind(this.loc)}}render(){let t=this.today;if(!t)return a`<div class="card"><p>${this.loc.t("panel.not_connected")}</p></div>`;let{t:s}=this.bound,n=this.hass.language,o=t.calm;return a`
      <section class="card" aria-labelledby="today-heading">
        <h2 id="today-heading">${s("today.heading")}</h2>
        <p class="big">
          <span class="muted">${s("today.phase_label")}:</span>
          <strong>${this.loc.phase(t.phase)}</strong>
        </p>
        ${t.cycle_day!=null?a`<p>${s("today.cycle_day",{day:t.cycle_day})}</p>`:d}
        ${t.paused?a`<p>${s("today.paused")}</p>`:d}
        ${t.phase==="tolerance_break"&&t.break_end?a`<p>${s("today.break_end",{date:it(t.break_end,n,!0)})}</p>`:d}
        <p>
          ${t.next_dose===t.today?s("today.dose_today"):t.next_dose?s("today.next_dose",{date:it(t.next_dose,n,!0)}):s("today.no_next_dose")}
        </p>
      </section>

      <section class="card" aria-labelledby="calm-heading">
        <h2 id="calm-heading">${s("today.calm_heading")}</h2>
        ${o==null?a`<p class="muted">${s("today.calm_unknown")}</p>`:o.calm?a`<p>${s("today.calm_yes")}</p>`:a`<p>${s("today.calm_no")}</p>`}
        ${o&&o.reasons.length?a`<ul class="reasons">
              ${o.reasons.map(i=>a`<li>${this.loc.reason(i)}</li>`)}
            </ul>`:d}
        <label for="feels">${s("today.feels_label")}</label>
        <p class="hint" id="feels-hint">${s("today.feels_hint")}</p>
        <div class="row">
          <select
            id="feels"
            aria-describedby="feels-hint"
            .value=${t.today_feels}
            @change=${this.changeFeels}
          >
            ${Os.map(i=>a`<option value=${i} ?selected=${i===t.today_feels}>
                  ${this.loc.feels(i)}
                </option>`)}
          </select>
          <span role="status" class="status">
            ${this.feelsStatus==="saved"?s("panel.saved"):""}
          </span>
        </div>
        ${this.feelsError?a`<p class="error" role="alert">${this.feelsError}</p>`:d}
      </section>

      <section class="card" aria-labelledby="intention-heading">
        <h2 id="intention-heading">${s("today.intention_heading")}</h2>
        <form @submit=${this.saveIntention}>
          <label for="intention">${s("today.intention_label")}</label>
          <p class="hint" id="intention-hint">${s("today.intention_hint")}</p>
          <input
            id="intention"
            type="text"
            autocomplete="off"
            aria-describedby="intention-hint"
            .value=${this.intention}
            @input=${i=>{this.draft=i.target.value,this.intentionStatus="idle"}}
          />
          <div class="row actions">
            <button type="submit" ?disabled=${this.intentionStatus==="saving"}>
              ${s("today.intention_save")}
            </button>
            <span role="status" class="status">
              ${this.intentionStatus==="saved"?s("panel.saved"):""}
            </span>
          </div>
          ${this.intentionError?a`<p class="error" role="alert">${this.intentionError}</p>`:d}
        </form>
      </section>

      <section class="card" aria-labelledby="us-heading">
        <h2 id="us-heading">${s("today.us_heading")}</h2>
        <ul class="plain us">
          ${this.partnerLine(t.me)} ${this.partnerLine(t.partner)}
        </ul>
      </section>
    `}};I.styles=[b,g`
      #intention {
        width: 100%;
      }
      .actions {
        margin-top: 12px;
      }
      .reasons {
        margin: 0 0 16px;
        padding-left: 20px;
        line-height: 1.5;
      }
      .us li {
        margin: 6px 0;
        line-height: 1.5;
      }
    `],p([y()],I.prototype,"draft",2),p([y()],I.prototype,"intentionStatus",2),p([y()],I.prototype,"intentionError",2),p([y()],I.prototype,"feelsStatus",2),p([y()],I.prototype,"feelsError",2);_("mdt-today-view",I);var Ms={today:"tabs.today",dose:"tabs.dose","check-in":"tabs.check_in",prompt:"tabs.prompt",ritual:"tabs.ritual",history:"tabs.history"},Ns="M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",es="view",x=class extends k{constructor(){super();this.narrow=!1;this.couples=null;this.couplesError=null;this.entryId=null;this.view="today";this.today=null;this.resources={};this.requestedCouple=null;this.lastPath=null;this.translationsFor=null;this.loadingCouples=!1;this.localizer=null;this.localizerResources=null;this.subscription=new gt(t=>{this.today=t},()=>{this.refresh()});this.addEventListener(Mt,()=>{this.refresh()}),this.addEventListener(qt,t=>this.selectCouple(t.detail.entryId))}connectedCallback(){super.connectedCallback(),this.requestedCouple=Le(window.location.search),this.follow()}disconnectedCallback(){super.disconnectedCallback(),this.subscription.stop()}willUpdate(t){if(t.has("route")&&this.route&&this.route.path!==this.lastPath?(this.lastPath=this.route.path,this.view=jt(this.route.path)):!this.hasUpdated&&!this.route&&location.pathname.startsWith(nt)&&(this.view=jt(location.pathname.slice(nt.length))),t.has("hass")&&this.hass){let s=this.hass.language??"en";this.translationsFor!==s&&(this.translationsFor=s,this.loadTranslations(s)),this.couples===null&&!this.loadingCouples&&!this.couplesError&&this.loadCouples(),this.follow(),this.toggleAttribute("dark",!!this.hass.themes?.darkMode)}}get loc(){let t=Ae(this.hass?.language);return(!this.localizer||this.localizer.language!==t||this.localizerResources!==this.resources)&&(this.localizerResources=this.resources,this.localizer=new bt(t,Ut[t],Ut.en,this.resources)),this.localizer}async loadTranslations(t){let s=["entity","exceptions","selector"],n=await Promise.all(s.map(o=>Se(this.hass,t,o).catch(()=>({}))));this.translationsFor===t&&(this.resources=Object.assign({},...n))}async loadCouples(){this.loadingCouples=!0,this.couplesError=null;try{this.couples=await me(this.hass);let t=zt(this.couples,this.requestedCouple);this.entryId=t.kind==="none"?null:t.couple.config_entry_id,this.follow()}catch(t){this.couplesError=t}finally{this.loadingCouples=!1}}follow(){!this.isConnected||!this.hass?.connection||!this.entryId||this.subscription.follow(this.hass.connection,this.entryId)}async refresh(){let t=this.entryId;if(!(!t||!this.hass))try{let s=await ye(this.hass,t);t===this.entryId&&(this.today=s)}catch{}}selectCouple(t){t!==this.entryId&&(this.entryId=t,this.requestedCouple=t,this.today=null,this.follow(),this.writeUrl())}selectView(t){vt.includes(t)&&(this.view=t,this.writeUrl())}writeUrl(){let t=(this.couples?.length??0)>1,s=Oe(this.view,t?this.entryId:null,this.route?.prefix||nt);this.lastPath=`/${this.view}`;try{history.replaceState(history.state,"",s)}catch{}}toggleMenu(){this.dispatchEvent(new Event("hass-toggle-menu",{bubbles:!0,composed:!0}))}renderHeader(t){let s=this.narrow||this.hass?.dockedSidebar==="always_hidden";return a`<header class="toolbar">
      ${s?a`<button
            type="button"
            class="menu"
            aria-label=${t.t("panel.menu")}
            @click=${this.toggleMenu}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d=${Ns}></path>
            </svg>
          </button>`:d}
      <h1>${t.t("panel.title")}</h1>
    </header>`}renderView(t){let s={hass:this.hass,loc:t,today:this.today,entryId:this.entryId??""};switch(this.view){case"dose":return a`<mdt-dose-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-dose-view>`;case"check-in":return a`<mdt-check-in-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-check-in-view>`;case"prompt":return a`<mdt-prompt-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-prompt-view>`;case"ritual":return a`<mdt-ritual-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-ritual-view>`;case"history":return a`<mdt-history-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-history-view>`;default:return a`<mdt-today-view .hass=${s.hass} .loc=${t} .today=${s.today} .entryId=${s.entryId}></mdt-today-view>`}}renderBody(t){if(this.couplesError)return a`<section class="card">
        <p role="alert">${t.error(this.couplesError)}</p>
        <button type="button" @click=${()=>{this.loadCouples()}}>${t.t("panel.retry")}</button>
      </section>`;if(this.couples===null)return a`<p role="status" class="muted">${t.t("panel.loading")}</p>`;let s=zt(this.couples,this.entryId);if(s.kind==="none")return a`<mdt-not-a-partner-view .loc=${t}></mdt-not-a-partner-view>`;let n=vt.map(o=>({id:o,label:t.t(Ms[o])}));return a`
      ${s.kind==="several"?a`<mdt-couple-chooser
            class="chooser"
            .loc=${t}
            .couples=${s.couples}
            .selected=${s.couple.config_entry_id}
          ></mdt-couple-chooser>`:d}
      <nav class="nav">
        ${he({tabs:n,selected:this.view,label:t.t("panel.tabs_label"),panelId:es,onSelect:o=>this.selectView(o)})}
      </nav>
      <div role="tabpanel" id=${es} aria-labelledby=${Nt(this.view)}>
        ${this.renderView(t)}
      </div>
    `}render(){if(!this.hass)return d;let t=this.loc;return a`${this.renderHeader(t)}
      <main class="content" lang=${t.language}>${this.renderBody(t)}</main>`}};x.styles=[b,ue,g`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
        -webkit-font-smoothing: antialiased;
      }
      :host([dark]) {
        color-scheme: dark;
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 56px;
        padding: 0 16px;
        background: var(--card-background-color, #fff);
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      :host([narrow]) .toolbar {
        padding: 0 8px;
      }
      h1 {
        font-size: 1.25rem;
        font-weight: 400;
        margin: 0;
      }
      button.menu {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 44px;
        height: 44px;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: var(--primary-text-color, #212121);
      }
      button.menu svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
      .content {
        max-width: 960px;
        margin: 0 auto;
        padding: 16px;
      }
      :host([narrow]) .content {
        padding: 12px;
      }
      .chooser {
        margin-bottom: 12px;
      }
      .nav {
        margin-bottom: 16px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
    `],p([f({attribute:!1})],x.prototype,"hass",2),p([f({type:Boolean,reflect:!0})],x.prototype,"narrow",2),p([f({attribute:!1})],x.prototype,"route",2),p([f({attribute:!1})],x.prototype,"panel",2),p([y()],x.prototype,"couples",2),p([y()],x.prototype,"couplesError",2),p([y()],x.prototype,"entryId",2),p([y()],x.prototype,"view",2),p([y()],x.prototype,"today",2),p([y()],x.prototype,"resources",2);_("microdose-together-panel",x);export{x as MicrodoseTogetherPanel};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
