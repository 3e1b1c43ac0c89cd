var ws=Object.defineProperty;var Ss=Object.getOwnPropertyDescriptor;var h=(r,t,e,s)=>{for(var n=s>1?void 0:s?Ss(t,e):t,o=r.length-1,i;o>=0;o--)(i=r[o])&&(n=(s?i(t,e,n):i(n))||n);return s&&n&&ws(t,e,n),n};var me=globalThis,ye=me.ShadowRoot&&(me.ShadyCSS===void 0||me.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Oe=Symbol(),it=new WeakMap,Q=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==Oe)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(ye&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=it.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&it.set(e,t))}return t}toString(){return this.cssText}},at=r=>new Q(typeof r=="string"?r:r+"",void 0,Oe),g=(r,...t)=>{let e=r.length===1?r[0]:t.reduce((s,n,o)=>s+(i=>{if(i._$cssResult$===!0)return i.cssText;if(typeof i=="number")return i;throw Error("Value passed to 'css' function must be a 'css' function result: "+i+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+r[o+1],r[0]);return new Q(e,r,Oe)},lt=(r,t)=>{if(ye)r.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),n=me.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=e.cssText,r.appendChild(s)}},Ne=ye?r=>r:r=>r instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return at(e)})(r):r;var{is:As,defineProperty:Cs,getOwnPropertyDescriptor:Es,getOwnPropertyNames:Rs,getOwnPropertySymbols:Ts,getPrototypeOf:Ds}=Object,ge=globalThis,dt=ge.trustedTypes,Is=dt?dt.emptyScript:"",Ps=ge.reactiveElementPolyfillSupport,ee=(r,t)=>r,te={toAttribute(r,t){switch(t){case Boolean:r=r?Is:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,t){let e=r;switch(t){case Boolean:e=r!==null;break;case Number:e=r===null?null:Number(r);break;case Object:case Array:try{e=JSON.parse(r)}catch{e=null}}return e}},fe=(r,t)=>!As(r,t),ct={attribute:!0,type:String,converter:te,reflect:!1,useDefault:!1,hasChanged:fe};Symbol.metadata??=Symbol("metadata"),ge.litPropertyMetadata??=new WeakMap;var I=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=ct){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(t,s,e);n!==void 0&&Cs(this.prototype,t,n)}}static getPropertyDescriptor(t,e,s){let{get:n,set:o}=Es(this.prototype,t)??{get(){return this[e]},set(i){this[e]=i}};return{get:n,set(i){let l=n?.call(this);o?.call(this,i),this.requestUpdate(t,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??ct}static _$Ei(){if(this.hasOwnProperty(ee("elementProperties")))return;let t=Ds(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(ee("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(ee("properties"))){let e=this.properties,s=[...Rs(e),...Ts(e)];for(let n of s)this.createProperty(n,e[n])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,n]of e)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let n=this._$Eu(e,s);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let n of s)e.unshift(Ne(n))}else t!==void 0&&e.push(Ne(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return lt(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),n=this.constructor._$Eu(t,s);if(n!==void 0&&s.reflect===!0){let o=(s.converter?.toAttribute!==void 0?s.converter:te).toAttribute(e,s.type);this._$Em=t,o==null?this.removeAttribute(n):this.setAttribute(n,o),this._$Em=null}}_$AK(t,e){let s=this.constructor,n=s._$Eh.get(t);if(n!==void 0&&this._$Em!==n){let o=s.getPropertyOptions(n),i=typeof o.converter=="function"?{fromAttribute:o.converter}:o.converter?.fromAttribute!==void 0?o.converter:te;this._$Em=n;let l=i.fromAttribute(e,o.type);this[n]=l??this._$Ej?.get(n)??l,this._$Em=null}}requestUpdate(t,e,s,n=!1,o){if(t!==void 0){let i=this.constructor;if(n===!1&&(o=this[t]),s??=i.getPropertyOptions(t),!((s.hasChanged??fe)(o,e)||s.useDefault&&s.reflect&&o===this._$Ej?.get(t)&&!this.hasAttribute(i._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:n,wrapped:o},i){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,i??e??this[t]),o!==!0||i!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),n===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,o]of this._$Ep)this[n]=o;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,o]of s){let{wrapped:i}=o,l=this[n];i!==!0||this._$AL.has(n)||l===void 0||this.C(n,void 0,o,l)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};I.elementStyles=[],I.shadowRootOptions={mode:"open"},I[ee("elementProperties")]=new Map,I[ee("finalized")]=new Map,Ps?.({ReactiveElement:I}),(ge.reactiveElementVersions??=[]).push("2.1.2");var qe=globalThis,pt=r=>r,_e=qe.trustedTypes,ht=_e?_e.createPolicy("lit-html",{createHTML:r=>r}):void 0,_t="$lit$",O=`lit$${Math.random().toFixed(9).slice(2)}$`,vt="?"+O,Ls=`<${vt}>`,W=document,re=()=>W.createComment(""),ne=r=>r===null||typeof r!="object"&&typeof r!="function",We=Array.isArray,Os=r=>We(r)||typeof r?.[Symbol.iterator]=="function",Me=`[ 	
\f\r]`,se=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ut=/-->/g,mt=/>/g,F=RegExp(`>|${Me}(?:([^\\s"'>=/]+)(${Me}*=${Me}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),yt=/'/g,gt=/"/g,bt=/^(?:script|style|textarea|title)$/i,Be=r=>(t,...e)=>({_$litType$:r,strings:t,values:e}),a=Be(1),Y=Be(2),fr=Be(3),B=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),ft=new WeakMap,q=W.createTreeWalker(W,129);function $t(r,t){if(!We(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return ht!==void 0?ht.createHTML(t):t}var Ns=(r,t)=>{let e=r.length-1,s=[],n,o=t===2?"<svg>":t===3?"<math>":"",i=se;for(let l=0;l<e;l++){let d=r[l],y,c,u=-1,A=0;for(;A<d.length&&(i.lastIndex=A,c=i.exec(d),c!==null);)A=i.lastIndex,i===se?c[1]==="!--"?i=ut:c[1]!==void 0?i=mt:c[2]!==void 0?(bt.test(c[2])&&(n=RegExp("</"+c[2],"g")),i=F):c[3]!==void 0&&(i=F):i===F?c[0]===">"?(i=n??se,u=-1):c[1]===void 0?u=-2:(u=i.lastIndex-c[2].length,y=c[1],i=c[3]===void 0?F:c[3]==='"'?gt:yt):i===gt||i===yt?i=F:i===ut||i===mt?i=se:(i=F,n=void 0);let C=i===F&&r[l+1].startsWith("/>")?" ":"";o+=i===se?d+Ls:u>=0?(s.push(y),d.slice(0,u)+_t+d.slice(u)+O+C):d+O+(u===-2?l:C)}return[$t(r,o+(r[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},oe=class r{constructor({strings:t,_$litType$:e},s){let n;this.parts=[];let o=0,i=0,l=t.length-1,d=this.parts,[y,c]=Ns(t,e);if(this.el=r.createElement(y,s),q.currentNode=this.el.content,e===2||e===3){let u=this.el.content.firstChild;u.replaceWith(...u.childNodes)}for(;(n=q.nextNode())!==null&&d.length<l;){if(n.nodeType===1){if(n.hasAttributes())for(let u of n.getAttributeNames())if(u.endsWith(_t)){let A=c[i++],C=n.getAttribute(u).split(O),z=/([.?@])?(.*)/.exec(A);d.push({type:1,index:o,name:z[2],strings:C,ctor:z[1]==="."?je:z[1]==="?"?Ue:z[1]==="@"?ze:J}),n.removeAttribute(u)}else u.startsWith(O)&&(d.push({type:6,index:o}),n.removeAttribute(u));if(bt.test(n.tagName)){let u=n.textContent.split(O),A=u.length-1;if(A>0){n.textContent=_e?_e.emptyScript:"";for(let C=0;C<A;C++)n.append(u[C],re()),q.nextNode(),d.push({type:2,index:++o});n.append(u[A],re())}}}else if(n.nodeType===8)if(n.data===vt)d.push({type:2,index:o});else{let u=-1;for(;(u=n.data.indexOf(O,u+1))!==-1;)d.push({type:7,index:o}),u+=O.length-1}o++}}static createElement(t,e){let s=W.createElement("template");return s.innerHTML=t,s}};function K(r,t,e=r,s){if(t===B)return t;let n=s!==void 0?e._$Co?.[s]:e._$Cl,o=ne(t)?void 0:t._$litDirective$;return n?.constructor!==o&&(n?._$AO?.(!1),o===void 0?n=void 0:(n=new o(r),n._$AT(r,e,s)),s!==void 0?(e._$Co??=[])[s]=n:e._$Cl=n),n!==void 0&&(t=K(r,n._$AS(r,t.values),n,s)),t}var He=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,n=(t?.creationScope??W).importNode(e,!0);q.currentNode=n;let o=q.nextNode(),i=0,l=0,d=s[0];for(;d!==void 0;){if(i===d.index){let y;d.type===2?y=new ie(o,o.nextSibling,this,t):d.type===1?y=new d.ctor(o,d.name,d.strings,this,t):d.type===6&&(y=new Fe(o,this,t)),this._$AV.push(y),d=s[++l]}i!==d?.index&&(o=q.nextNode(),i++)}return q.currentNode=W,n}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},ie=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,n){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=K(this,t,e),ne(t)?t===p||t==null||t===""?(this._$AH!==p&&this._$AR(),this._$AH=p):t!==this._$AH&&t!==B&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Os(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==p&&ne(this._$AH)?this._$AA.nextSibling.data=t:this.T(W.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,n=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=oe.createElement($t(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(e);else{let o=new He(n,this),i=o.u(this.options);o.p(e),this.T(i),this._$AH=o}}_$AC(t){let e=ft.get(t.strings);return e===void 0&&ft.set(t.strings,e=new oe(t)),e}k(t){We(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,n=0;for(let o of t)n===e.length?e.push(s=new r(this.O(re()),this.O(re()),this,this.options)):s=e[n],s._$AI(o),n++;n<e.length&&(this._$AR(s&&s._$AB.nextSibling,n),e.length=n)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=pt(t).nextSibling;pt(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},J=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,n,o){this.type=1,this._$AH=p,this._$AN=void 0,this.element=t,this.name=e,this._$AM=n,this.options=o,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=p}_$AI(t,e=this,s,n){let o=this.strings,i=!1;if(o===void 0)t=K(this,t,e,0),i=!ne(t)||t!==this._$AH&&t!==B,i&&(this._$AH=t);else{let l=t,d,y;for(t=o[0],d=0;d<o.length-1;d++)y=K(this,l[s+d],e,d),y===B&&(y=this._$AH[d]),i||=!ne(y)||y!==this._$AH[d],y===p?t=p:t!==p&&(t+=(y??"")+o[d+1]),this._$AH[d]=y}i&&!n&&this.j(t)}j(t){t===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},je=class extends J{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===p?void 0:t}},Ue=class extends J{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==p)}},ze=class extends J{constructor(t,e,s,n,o){super(t,e,s,n,o),this.type=5}_$AI(t,e=this){if((t=K(this,t,e,0)??p)===B)return;let s=this._$AH,n=t===p&&s!==p||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,o=t!==p&&(s===p||n);n&&this.element.removeEventListener(this.name,this,s),o&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},Fe=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){K(this,t)}};var Ms=qe.litHtmlPolyfillSupport;Ms?.(oe,ie),(qe.litHtmlVersions??=[]).push("3.3.3");var kt=(r,t,e)=>{let s=e?.renderBefore??t,n=s._$litPart$;if(n===void 0){let o=e?.renderBefore??null;s._$litPart$=n=new ie(t.insertBefore(re(),o),o,void 0,e??{})}return n._$AI(r),n};var Ye=globalThis,k=class extends I{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=kt(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return B}};k._$litElement$=!0,k.finalized=!0,Ye.litElementHydrateSupport?.({LitElement:k});var Hs=Ye.litElementPolyfillSupport;Hs?.({LitElement:k});(Ye.litElementVersions??=[]).push("4.2.2");var js={attribute:!0,type:String,converter:te,reflect:!1,hasChanged:fe},Us=(r=js,t,e)=>{let{kind:s,metadata:n}=e,o=globalThis.litPropertyMetadata.get(n);if(o===void 0&&globalThis.litPropertyMetadata.set(n,o=new Map),s==="setter"&&((r=Object.create(r)).wrapped=!0),o.set(e.name,r),s==="accessor"){let{name:i}=e;return{set(l){let d=t.get.call(this);t.set.call(this,l),this.requestUpdate(i,d,r,!0,l)},init(l){return l!==void 0&&this.C(i,void 0,r,l),l}}}if(s==="setter"){let{name:i}=e;return function(l){let d=this[i];t.call(this,l),this.requestUpdate(i,d,r,!0,l)}}throw Error("Unsupported decorator location: "+s)};function $(r){return(t,e)=>typeof e=="object"?Us(r,t,e):((s,n,o)=>{let i=n.hasOwnProperty(o);return n.constructor.createProperty(o,s),i?Object.getOwnPropertyDescriptor(n,o):void 0})(r,t,e)}function m(r){return $({...r,state:!0,attribute:!1})}var _=(r,t)=>{customElements.get(r)||customElements.define(r,t)};var Ge="mdt-refresh",R=r=>{r.dispatchEvent(new CustomEvent(Ge,{bubbles:!0,composed:!0}))};var xt=(r,t,e)=>{if(e<=0)return null;switch(r){case"ArrowRight":case"ArrowDown":return(t+1)%e;case"ArrowLeft":case"ArrowUp":return(t-1+e)%e;case"Home":return 0;case"End":return e-1;default:return null}},wt=r=>r==="Enter"||r===" "||r==="Spacebar";var Ve=r=>`tab-${r}`,zs=(r,t,e)=>{let s=xt(r.key,t,e.tabs.length);if(s!==null){r.preventDefault(),r.currentTarget.parentElement?.querySelectorAll('[role="tab"]')[s]?.focus();return}wt(r.key)&&(r.preventDefault(),e.onSelect(e.tabs[t].id))},St=r=>a`<div role="tablist" aria-label=${r.label} class="tabs">
    ${r.tabs.map((t,e)=>{let s=t.id===r.selected;return a`<button
        type="button"
        role="tab"
        id=${Ve(t.id)}
        aria-selected=${s?"true":"false"}
        aria-controls=${r.panelId}
        tabindex=${s?"0":"-1"}
        @click=${()=>r.onSelect(t.id)}
        @keydown=${n=>zs(n,e,r)}
      >
        ${t.label}
      </button>`})}
  </div>`,At=g`
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
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    [role="tab"] {
      white-space: normal;
      padding: 6px 4px;
      font-size: 0.9rem;
    }
  }
`;var S="microdose_together",Ct=r=>r.callWS({type:`${S}/couples`}),Et=(r,t)=>r.callWS({type:`${S}/today`,config_entry_id:t}),Rt=(r,t,e=!1)=>r.callWS({type:`${S}/log_dose`,config_entry_id:t,...e?{acknowledge_off_protocol:!0}:{}}),Tt=(r,t,e)=>r.callWS({type:`${S}/check_in`,config_entry_id:t,mood:e.mood,connection:e.connection,stress:e.stress,...e.note?{note:e.note}:{}}),Dt=(r,t,e)=>r.callWS({type:`${S}/answer_prompt`,config_entry_id:t,answer:e}),It=(r,t,e)=>r.callWS({type:`${S}/set_intention`,config_entry_id:t,intention:e}),Pt=(r,t,e)=>r.callWS({type:`${S}/today_feels`,config_entry_id:t,today_feels:e}),Lt=(r,t,e)=>r.callWS({type:`${S}/start_ritual`,config_entry_id:t,...e?{preset:e}:{}}),Ot=(r,t)=>r.callWS({type:`${S}/end_ritual`,config_entry_id:t}),Nt=(r,t,e,s)=>r.callWS({type:`${S}/history`,config_entry_id:t,start:e,end:s}),Mt=(r,t,e,s)=>r.callWS({type:`${S}/insights`,config_entry_id:t,start:e,end:s}),Ht=r=>({type:`${S}/subscribe`,config_entry_id:r}),jt=async(r,t,e)=>(await r.callWS({type:"frontend/get_translations",language:t,category:e,integration:[S]}))?.resources??{};var Fs=(r,t,e)=>r.subscribeMessage(e,Ht(t)),be=class{constructor(t,e=()=>{}){this.onToday=t;this.onError=e;this.entryId=null;this.connection=null;this.pending=null;this.generation=0}get current(){return this.entryId}follow(t,e){if(this.entryId===e&&this.connection===t&&this.pending)return;this.stop();let s=++this.generation;this.entryId=e,this.connection=t,this.pending=Fs(t,e,n=>{s===this.generation&&this.onToday(n)}).catch(n=>{s===this.generation&&(this.pending=null,this.onError(n))})}stop(){this.generation++;let t=this.pending;this.pending=null,this.entryId=null,this.connection=null,t&&t.then(e=>e?.()).catch(()=>{})}};var qs=["en","fi"],Ut=r=>{let t=(r??"").trim().toLowerCase().split(/[-_]/)[0];return qs.includes(t)?t:"en"};var $e=(r,t="")=>{let e={};if(r&&typeof r=="object")for(let[s,n]of Object.entries(r)){let o=t?`${t}.${s}`:s;typeof n=="string"?e[o]=n:Object.assign(e,$e(n,o))}return e},Ws=/\{([a-zA-Z0-9_]+)\}/g;var ke=(r,t={})=>r.replace(Ws,(e,s)=>Object.prototype.hasOwnProperty.call(t,s)&&t[s]!=null?String(t[s]):e),N=r=>[...r].length;var qt="microdose_together",ae=`component.${qt}`,Ke={phase:r=>`${ae}.entity.sensor.phase.state.${r}`,reason:r=>`${ae}.entity.binary_sensor.calm_day.state_attributes.reasons.state.${r}`,feels:r=>`${ae}.entity.select.today_feels.state.${r}`},zt={theme:r=>`${ae}.selector.theme.options.${r}`,safetyNote:r=>`${ae}.selector.safety_note.options.${r}`},Bs=(r,t=qt)=>`component.${t}.exceptions.${r}.message`,Ft=r=>typeof r=="object"&&r!==null,Wt=r=>{if(!Ft(r))return null;let t={};return typeof r.code=="string"&&(t.code=r.code),typeof r.message=="string"&&(t.message=r.message),typeof r.translation_domain=="string"&&(t.translation_domain=r.translation_domain),typeof r.translation_key=="string"&&(t.translation_key=r.translation_key),Ft(r.translation_placeholders)&&(t.translation_placeholders=Object.fromEntries(Object.entries(r.translation_placeholders).map(([e,s])=>[e,String(s)]))),t},Bt=r=>Wt(r)?.translation_key??null,Ys=(r,t,e)=>{let s=Wt(r);if(s?.translation_key){let n=t[Bs(s.translation_key,s.translation_domain)];if(n){let o=ke(n,s.translation_placeholders??{});if(!/\{[a-zA-Z0-9_]+\}/.test(o)||!s.message)return o}}return s?.message?s.message:r instanceof Error&&r.message?r.message:e},xe=class{constructor(t,e,s,n={}){this.language=t;this.strings=e;this.fallbackStrings=s;this.resources=n}t(t,e){let s=this.strings[t]??this.fallbackStrings[t]??t;return ke(s,e)}tOr(t,e,s){let n=this.strings[t]??this.fallbackStrings[t];return n===void 0?e:ke(n,s)}plural(t,e,s={}){return this.t(`${t}_${e===1?"one":"other"}`,{count:e,...s})}server(t,e,s){return this.resources[t]??this.strings[e]??this.fallbackStrings[e]??s}phase(t){return this.server(Ke.phase(t),`phase.${t}`,t)}reason(t){return this.server(Ke.reason(t),`reason.${t}`,t)}feels(t){return this.server(Ke.feels(t),`feels.${t}`,t)}theme(t){let e=t.replace(/_/g," ");return this.resources[zt.theme(t)]??e.charAt(0).toUpperCase()+e.slice(1)}safetyNote(t,e){return(t?this.resources[zt.safetyNote(t)]:void 0)??e??null}error(t){return Ys(t,this.resources,this.t("panel.error_generic"))}};var Yt={panel:{title:"Together",menu:"Open the sidebar",loading:"Loading…",retry:"Try again",error_generic:"Something went wrong, and nothing was changed. Please try again.",couple_label:"Couple",tabs_label:"Sections of Together",saving:"Saving…",saved:"Saved",not_connected:"Today's details have not arrived yet. They show here as soon as they do."},tabs:{today:"Today",dose:"My dose",check_in:"Check in",prompt:"Tonight's prompt",ritual:"Ritual",history:"My history",insights:"Insights"},not_partner:{heading:"This space belongs to a couple",body:"Together is kept by the two partners of a couple, and your user is not linked to either of them, so there is nothing to show here.",hint:"If that seems wrong, whoever set up Microdose Together can link your user to a partner in its settings."},today:{heading:"Today",phase_label:"Phase",cycle_day:"Day {day} of the cycle",dose_today:"Today is a dose day.",next_dose:"Next dose day: {date}",no_next_dose:"No dose day is planned yet.",break_end:"The tolerance break ends on {date}.",paused:"The protocol is paused. Nothing is expected of you until it resumes.",pause_begins:"Your pause begins on {date}. Today stays as it was.",calm_heading:"Is today calm?",calm_yes:"Today looks calm.",calm_no:"Today may not be calm, because:",calm_unknown:"There is no reading of the day yet.",feels_label:"Today feels",feels_hint:"Automatic follows your calendars. Choose calm or not calm if you know better.",intention_heading:"Our intention",intention_label:"Shared intention",intention_hint:"A few words you both carry through the day. You both see and can change it.",intention_save:"Save intention",intention_too_long:"Please keep the intention to {max} characters.",us_heading:"The two of you",dosed_today:"Dosed today",not_dosed_today:"No dose today",checked_in_today:"Checked in today",not_checked_in_today:"Not checked in yet today"},dose:{heading:"My dose",planned:"Your planned dose is {amount}.",log:"Log my dose · {amount}",amount:"{grams} g {form}",dosed_today:"You have logged your dose today.",not_dosed_today:"You have not logged a dose today.",last_dose:"Your last dose: {when}",doses_this_cycle:"Doses this cycle: {count}",logged:"Your dose is logged. Go gently today.",logged_off_protocol:"Your dose is logged and marked as off protocol. Go gently today.",ack_intro:"If you still want to record it, it will be kept and marked as off protocol.",ack_label:"I understand this is off protocol",confirm:"Confirm off-protocol dose",safety_heading:"A note of care"},form:{dried:"dried",fresh_truffle:"fresh truffle"},check_in:{heading:"Check in",intro:"How are you right now? Choose a number on each scale.",due:"A check-in is due.",not_due:"No check-in is due right now.",checked_in_today:"You have checked in today.",streak_one:"Streak: {count} day",streak_other:"Streak: {count} days",mood:"Mood",mood_low:"Low",mood_high:"Bright",mood_missing:"Choose a number for mood.",connection:"Connection",connection_low:"Distant",connection_high:"Close",connection_missing:"Choose a number for connection.",stress:"Stress",stress_low:"At ease",stress_high:"Very stressed",stress_missing:"Choose a number for stress.",note_label:"Private note",note_hint:"Only you can read this note. Your partner sees your scores, never the note.",note_count:"{count} of {max} characters",note_too_long:"The note is {count} characters long; please keep it to {max}.",save:"Save check-in"},prompt:{heading:"Tonight's prompt",none:"There is no prompt today.",none_hint:"When one arrives in the evening, it shows here by itself.",theme:"Theme: {theme}",answer_label:"Your answer",answer_hint:"{name} sees your answer only once they have answered too.",send:"Send answer",empty:"Write a few words before sending.",too_long:"The answer is {count} characters long; please keep it to {max}.",partner_answered:"{name} has answered. Both answers show once you send yours.",waiting:"Waiting for {name}",waiting_hint:"Your answer is kept. Both answers show here once {name} has answered.",what_you_wrote:"What you wrote",both:"Both answers"},ritual:{heading:"The evening ritual",intro:"Choose a ritual and start it: the lights, the music and your phones do what that ritual is set to do. Ending it puts the room back as it was.",running:"The ritual is on, since {time}.",running_no_time:"The ritual is on.",not_running:"The ritual is not on.",running_which:"Running now: {preset}",choose_label:"Which ritual",already_running:"{preset} is already on. End it first to start another.",phones_of:"{name}'s phones",start:"Start ritual",end:"End ritual",report_start:"What starting did",report_end:"What ending did",summary:"Done: {done}. Skipped: {skipped}. Failed: {failed}.",no_steps:"There was nothing to do.",status_done:"Done",status_skipped:"Skipped",status_failed:"Failed",error_detail:"Reason: {error}",step:{light:"Dim the lights",light_off:"Turn the lights off",volume:"Set the volume",play_media:"Choose the music",shuffle:"Shuffle the music",play:"Play the music",notify:"Send the question",restore_light:"Put the lights back",pause_media:"Pause the music",resume_media:"Play the music again",restore_volume:"Put the volume back",manual_control:"Keep Adaptive Lighting off the ritual's lights",release_control:"Give the lights back to Adaptive Lighting"},preset:{conversation:"Evening conversation",journaling:"Journaling side by side",walk:"A walk together"}},history:{heading:"My history",range_legend:"Days to show",from:"From",to:"To",show:"Show",range_missing:"Choose both dates.",range_reversed:"The end date is before the start date.",range_too_long:"Choose at most {days} days at a time.",my_check_ins:"My check-ins",no_check_ins:"You did not check in on these days.",scores_line:"Mood {mood} · Connection {connection} · Stress {stress}",note:"Private note",scores_heading:"Both of your scores",score_select:"Score to show",chart_label:"{scale} from {start} to {end}: {me} is the solid line, {partner} the dashed line, dose days are marked below.",day:"Day",dose_column:"Dose",legend_dose:"Dose day",no_dose:"—",no_score:"—",no_scores:"Neither of you checked in on these days.",prompts_heading:"Past prompts",no_prompts:"There were no prompts on these days.",not_revealed:"Not shared yet: both answers show once both of you have answered.",your_answer_so_far:"Your answer (only you see it for now)",no_answer:"No answer",off_protocol:"off protocol"},insights:{heading:"Insights",association:"These are associations, not causes: what you expect of a day also shapes how it feels.",compare_heading:"Dose days and rest days",range:"From {start} to {end}",you:"{name} (you)",compare_me_mood:"On your dose days your mood was {dose} on average, on rest days {rest} ({dose_days} and {rest_days} days).",compare_me_connection:"On your dose days your connection was {dose} on average, on rest days {rest} ({dose_days} and {rest_days} days).",compare_partner_mood:"On {name}'s dose days their mood was {dose} on average, on rest days {rest} ({dose_days} and {rest_days} days).",compare_partner_connection:"On {name}'s dose days their connection was {dose} on average, on rest days {rest} ({dose_days} and {rest_days} days).",difference:"The difference, {difference}, is likely between {low} and {high}.",not_enough_me:"Not enough days yet: at least {needed} dose days and {needed} rest days are needed (you have {dose_days} and {rest_days}).",not_enough_partner:"Not enough days yet: at least {needed} dose days and {needed} rest days are needed ({name} has {dose_days} and {rest_days}).",time_heading:"Over time",column:"{name}: {scale}",table_summary:"Show the days as a table"},phase:{dose_day:"Dose day",rest_day:"Rest day",tolerance_break:"Tolerance break",paused:"Paused"},reason:{busy_hours:"Busy hours in the calendar",many_events:"Many events",stress_keyword:"A stressful event",partner_stressed:"One of you feels stressed",calendar_unreadable:"A calendar could not be read",override:"Set by hand"},feels:{automatic:"Automatic",calm:"Calm",not_calm:"Not calm"}};var Gt={panel:{title:"Yhdessä",menu:"Avaa sivupalkki",loading:"Ladataan…",retry:"Yritä uudelleen",error_generic:"Jokin meni vikaan, eikä mitään muutettu. Yritä uudelleen.",couple_label:"Pariskunta",tabs_label:"Yhdessä-näkymän osiot",saving:"Tallennetaan…",saved:"Tallennettu",not_connected:"Päivän tiedot eivät ole vielä tulleet. Ne näkyvät tässä heti, kun tulevat."},tabs:{today:"Tänään",dose:"Oma annos",check_in:"Kuulumiset",prompt:"Illan kysymys",ritual:"Rituaali",history:"Oma historia",insights:"Havainnot"},not_partner:{heading:"Tämä tila kuuluu pariskunnalle",body:"Yhdessä-näkymää käyttävät pariskunnan kaksi kumppania, eikä käyttäjääsi ole yhdistetty kumpaankaan heistä, joten tässä ei ole sinulle näytettävää.",hint:"Jos tämä tuntuu väärältä, Microdose Togetherin käyttöönottaja voi yhdistää käyttäjäsi kumppaniin sen asetuksissa."},today:{heading:"Tänään",phase_label:"Vaihe",cycle_day:"Jakson {day}. päivä",dose_today:"Tänään on annospäivä.",next_dose:"Seuraava annospäivä: {date}",no_next_dose:"Annospäivää ei ole vielä suunniteltu.",break_end:"Toleranssitauko päättyy {date}.",paused:"Protokolla on keskeytetty. Sinulta ei odoteta mitään ennen kuin se jatkuu.",pause_begins:"Tauko alkaa {date}. Tämä päivä pysyy ennallaan.",calm_heading:"Onko tänään rauhallista?",calm_yes:"Tänään näyttää rauhalliselta.",calm_no:"Tänään ei ehkä ole rauhallista, koska:",calm_unknown:"Päivästä ei ole vielä arviota.",feels_label:"Tänään tuntuu",feels_hint:"Automaattinen seuraa kalentereitanne. Valitse rauhalliselta tai levottomalta, jos tiedät paremmin.",intention_heading:"Yhteinen aikomuksemme",intention_label:"Yhteinen aikomus",intention_hint:"Muutama sana, jonka kumpikin kantaa mukanaan päivän läpi. Näette sen molemmat ja voitte kumpikin muuttaa sitä.",intention_save:"Tallenna aikomus",intention_too_long:"Pidä aikomus enintään {max} merkin mittaisena.",us_heading:"Te kaksi",dosed_today:"Annos otettu tänään",not_dosed_today:"Ei annosta tänään",checked_in_today:"Kuulumiset kerrottu tänään",not_checked_in_today:"Kuulumisia ei vielä kerrottu tänään"},dose:{heading:"Oma annos",planned:"Suunniteltu annoksesi on {amount}.",log:"Kirjaa annokseni · {amount}",amount:"{grams} g {form}",dosed_today:"Olet kirjannut annoksesi tänään.",not_dosed_today:"Et ole kirjannut annosta tänään.",last_dose:"Viimeisin annoksesi: {when}",doses_this_cycle:"Annoksia tällä jaksolla: {count}",logged:"Annoksesi on kirjattu. Ota tänään rauhallisesti.",logged_off_protocol:"Annoksesi on kirjattu ja merkitty protokollan ulkopuoliseksi. Ota tänään rauhallisesti.",ack_intro:"Jos haluat silti kirjata sen, kirjaus säilytetään ja merkitään protokollan ulkopuoliseksi.",ack_label:"Ymmärrän, että tämä on protokollan ulkopuolella",confirm:"Vahvista protokollan ulkopuolinen annos",safety_heading:"Pidä huolta itsestäsi"},form:{dried:"kuivattuja sieniä",fresh_truffle:"tuoreita tryffeleitä"},check_in:{heading:"Kuulumiset",intro:"Miten voit juuri nyt? Valitse jokaiselta asteikolta numero.",due:"On aika kertoa kuulumiset.",not_due:"Kuulumisia ei nyt kysytä.",checked_in_today:"Olet kertonut kuulumisesi tänään.",streak_one:"Putki: {count} päivä",streak_other:"Putki: {count} päivää",mood:"Mieliala",mood_low:"Matala",mood_high:"Valoisa",mood_missing:"Valitse mielialalle numero.",connection:"Yhteys",connection_low:"Etäinen",connection_high:"Läheinen",connection_missing:"Valitse yhteydelle numero.",stress:"Stressi",stress_low:"Levollinen",stress_high:"Hyvin stressaantunut",stress_missing:"Valitse stressille numero.",note_label:"Yksityinen muistiinpano",note_hint:"Vain sinä voit lukea tämän muistiinpanon. Kumppanisi näkee numerosi, muttei koskaan muistiinpanoa.",note_count:"{count}/{max} merkkiä",note_too_long:"Muistiinpanossa on {count} merkkiä; pidä se enintään {max} merkin mittaisena.",save:"Tallenna kuulumiset"},prompt:{heading:"Illan kysymys",none:"Tänään ei ole kysymystä.",none_hint:"Kun kysymys tulee illalla, se näkyy tässä itsestään.",theme:"Teema: {theme}",answer_label:"Vastauksesi",answer_hint:"{name} näkee vastauksesi vasta, kun on itse vastannut.",send:"Lähetä vastaus",empty:"Kirjoita muutama sana ennen lähettämistä.",too_long:"Vastauksessa on {count} merkkiä; pidä se enintään {max} merkin mittaisena.",partner_answered:"{name} on vastannut. Molemmat vastaukset näkyvät, kun lähetät omasi.",waiting:"Odotetaan, että {name} vastaa",waiting_hint:"Vastauksesi on tallessa. Molemmat vastaukset näkyvät tässä, kun {name} on vastannut.",what_you_wrote:"Mitä kirjoitit",both:"Molemmat vastaukset"},ritual:{heading:"Iltarituaali",intro:"Valitse rituaali ja aloita se: valot, musiikki ja puhelimet toimivat niin kuin rituaali on asetettu. Lopetus palauttaa huoneen ennalleen.",running:"Rituaali on käynnissä, alkoi {time}.",running_no_time:"Rituaali on käynnissä.",not_running:"Rituaali ei ole käynnissä.",running_which:"Nyt käynnissä: {preset}",choose_label:"Valitse rituaali",already_running:"{preset} on jo käynnissä. Lopeta se ensin, jos haluat aloittaa toisen.",phones_of:"Puhelimet: {name}",start:"Aloita rituaali",end:"Lopeta rituaali",report_start:"Mitä aloitus teki",report_end:"Mitä lopetus teki",summary:"Tehty: {done}. Ohitettu: {skipped}. Epäonnistui: {failed}.",no_steps:"Tehtävää ei ollut.",status_done:"Tehty",status_skipped:"Ohitettu",status_failed:"Epäonnistui",error_detail:"Syy: {error}",step:{light:"Himmennä valot",light_off:"Sammuta valot",volume:"Säädä äänenvoimakkuus",play_media:"Valitse musiikki",shuffle:"Sekoita musiikki",play:"Soita musiikkia",notify:"Lähetä kysymys",restore_light:"Palauta valot",pause_media:"Keskeytä musiikki",resume_media:"Jatka musiikkia",restore_volume:"Palauta äänenvoimakkuus",manual_control:"Pidä Adaptive Lighting erossa rituaalin valoista",release_control:"Anna valot takaisin Adaptive Lightingille"},preset:{conversation:"Iltakeskustelu",journaling:"Kirjoitetaan rinnakkain",walk:"Yhteinen kävely"}},history:{heading:"Oma historia",range_legend:"Näytettävät päivät",from:"Alkaen",to:"Asti",show:"Näytä",range_missing:"Valitse molemmat päivät.",range_reversed:"Loppupäivä on ennen alkupäivää.",range_too_long:"Valitse enintään {days} päivää kerrallaan.",my_check_ins:"Omat kuulumiseni",no_check_ins:"Et kertonut kuulumisiasi näinä päivinä.",scores_line:"Mieliala {mood} · Yhteys {connection} · Stressi {stress}",note:"Yksityinen muistiinpano",scores_heading:"Teidän molempien numerot",score_select:"Näytettävä asteikko",chart_label:"{scale} {start}–{end}: {me} on yhtenäinen viiva, {partner} katkoviiva, annospäivät on merkitty alle.",day:"Päivä",dose_column:"Annos",legend_dose:"Annospäivä",no_dose:"—",no_score:"—",no_scores:"Kumpikaan teistä ei kertonut kuulumisiaan näinä päivinä.",prompts_heading:"Aiemmat kysymykset",no_prompts:"Näinä päivinä ei ollut kysymyksiä.",not_revealed:"Ei vielä jaettu: molemmat vastaukset näkyvät, kun olette kumpikin vastanneet.",your_answer_so_far:"Vastauksesi (toistaiseksi vain sinä näet sen)",no_answer:"Ei vastausta",off_protocol:"protokollan ulkopuolella"},insights:{heading:"Havainnot",association:"Nämä luvut kertovat, mikä on kulkenut yhdessä, eivät sitä, mikä johtuu mistäkin – ja se, mitä päivältä odottaa, vaikuttaa siihen, miltä päivä tuntuu.",compare_heading:"Annospäivät ja lepopäivät",range:"{start}–{end}",you:"{name} (sinä)",compare_me_mood:"Annospäivinäsi mielialasi oli keskimäärin {dose}, lepopäivinä {rest} ({dose_days} ja {rest_days} päivää).",compare_me_connection:"Annospäivinäsi yhteyden tunteesi oli keskimäärin {dose}, lepopäivinä {rest} ({dose_days} ja {rest_days} päivää).",compare_partner_mood:"Päivinä, joina {name} otti annoksen, hänen mielialansa oli keskimäärin {dose}, lepopäivinä {rest} ({dose_days} ja {rest_days} päivää).",compare_partner_connection:"Päivinä, joina {name} otti annoksen, hänen yhteyden tunteensa oli keskimäärin {dose}, lepopäivinä {rest} ({dose_days} ja {rest_days} päivää).",difference:"Ero on {difference}, ja todennäköisesti se on jossain {low} ja {high} välillä.",not_enough_me:"Päiviä ei ole vielä tarpeeksi: tarvitaan vähintään {needed} annospäivää ja {needed} lepopäivää. Olet kertonut kuulumisesi {dose_days} annospäivänä ja {rest_days} lepopäivänä.",not_enough_partner:"Päiviä ei ole vielä tarpeeksi: tarvitaan vähintään {needed} annospäivää ja {needed} lepopäivää. {name} on kertonut kuulumisensa {dose_days} annospäivänä ja {rest_days} lepopäivänä.",time_heading:"Ajan mittaan",column:"{name}: {scale}",table_summary:"Näytä päivät taulukkona"},phase:{dose_day:"Annospäivä",rest_day:"Lepopäivä",tolerance_break:"Toleranssitauko",paused:"Keskeytetty"},reason:{busy_hours:"Kalenterissa paljon varattua aikaa",many_events:"Paljon tapahtumia",stress_keyword:"Stressaava tapahtuma",partner_stressed:"Toinen teistä on stressaantunut",calendar_unreadable:"Kalenteria ei voitu lukea",override:"Asetettu käsin"},feels:{automatic:"Automaattinen",calm:"Rauhalliselta",not_calm:"Levottomalta"}};var Je={en:$e(Yt),fi:$e(Gt)};var we=["today","dose","check-in","prompt","ritual","history","insights"],Ks="today",le="/microdose-together",Xe=r=>{let t=(r??"").split(/[?#]/)[0].replace(/^\/+/,"").split("/")[0];return we.includes(t)?t:Ks},Vt=r=>{let t=new URLSearchParams(r??"").get("couple");return t||null},Ze=(r,t)=>{if(r.length===0)return{kind:"none"};let e=r.find(s=>s.config_entry_id===t)??r[0];return r.length===1?{kind:"one",couple:e}:{kind:"several",couple:e,couples:r}},Kt=(r,t,e=le)=>{let s=`${e.replace(/\/+$/,"")}/${r}`;return t?`${s}?couple=${encodeURIComponent(t)}`:s};var v=g`
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
`;var Qe="mdt-couple-changed",G=class extends k{constructor(){super(...arguments);this.couples=[];this.selected=""}change(e){let s=e.target.value;this.dispatchEvent(new CustomEvent(Qe,{detail:{entryId:s},bubbles:!0,composed:!0}))}render(){return a`<div class="chooser">
      <label for="couple">${this.loc.t("panel.couple_label")}</label>
      <select id="couple" .value=${this.selected} @change=${this.change}>
        ${this.couples.map(e=>a`<option
              value=${e.config_entry_id}
              ?selected=${e.config_entry_id===this.selected}
            >
              ${e.couple_name}
            </option>`)}
      </select>
    </div>`}};G.styles=[v,g`
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
    `],h([$({attribute:!1})],G.prototype,"loc",2),h([$({attribute:!1})],G.prototype,"couples",2),h([$({attribute:!1})],G.prototype,"selected",2);_("mdt-couple-chooser",G);var b=class extends k{constructor(){super(...arguments);this.today=null;this.entryId=""}};h([$({attribute:!1})],b.prototype,"hass",2),h([$({attribute:!1})],b.prototype,"loc",2),h([$({attribute:!1})],b.prototype,"today",2),h([$({attribute:!1})],b.prototype,"entryId",2);var de=["mood","connection","stress"],Jt=[1,2,3,4,5],M=2e3,et=()=>({mood:null,connection:null,stress:null,note:""}),Xt=r=>typeof r=="number"&&Number.isInteger(r)&&r>=1&&r<=5,Zt=r=>{if(r==null||!/^\s*\d+\s*$/.test(r))return null;let t=Number(r);return Xt(t)?t:null},Se=r=>{let t=[];for(let s of de)Xt(r[s])||t.push({field:s,kind:"missing"});let e=N(r.note.trim());return e>M&&t.push({field:"note",kind:"too_long",count:e,max:M}),t},Qt=r=>{if(Se(r).length>0)return null;let t=r.note.trim();return{mood:r.mood,connection:r.connection,stress:r.stress,...t?{note:t}:{}}};var P=class extends b{constructor(){super(...arguments);this.draft=et();this.problems=[];this.status="idle";this.error=null;this.tried=!1}update_(e){this.draft={...this.draft,...e},this.status==="saved"&&(this.status="idle"),this.tried&&(this.problems=Se(this.draft))}async submit(e){e.preventDefault(),this.tried=!0,this.problems=Se(this.draft);let s=Qt(this.draft);if(!s){let n=this.problems[0]?.field;this.renderRoot.querySelector(n==="note"?"#note":`input[name="${n}"]`)?.focus();return}this.error=null,this.status="saving";try{await Tt(this.hass,this.entryId,s),this.status="saved",this.draft=et(),this.tried=!1,this.problems=[],R(this)}catch(n){this.status="idle",this.error=this.loc.error(n)}}problemOf(e){return this.problems.find(s=>s.field===e)}scale(e){let s=this.loc.t.bind(this.loc),n=this.problemOf(e);return a`
      <fieldset
        class="scale"
        aria-describedby="${e}-ends${n?` ${e}-error`:""}"
      >
        <legend>${s(`check_in.${e}`)}</legend>
        <div class="scale-row">
          <span class="end" id="${e}-low">${s(`check_in.${e}_low`)}</span>
          <div class="choices">
            ${Jt.map(o=>a`
                <span class="choice">
                  <input
                    type="radio"
                    id="${e}-${o}"
                    name=${e}
                    .value=${String(o)}
                    .checked=${this.draft[e]===o}
                    @change=${i=>this.update_({[e]:Zt(i.target.value)})}
                  />
                  <label for="${e}-${o}">${o}</label>
                </span>
              `)}
          </div>
          <span class="end" id="${e}-high">${s(`check_in.${e}_high`)}</span>
        </div>
        <span class="visually-hidden" id="${e}-ends">
          1 = ${s(`check_in.${e}_low`)}, 5 = ${s(`check_in.${e}_high`)}
        </span>
        ${n?a`<p class="error" id="${e}-error">${s(`check_in.${e}_missing`)}</p>`:p}
      </fieldset>
    `}render(){let e=this.loc.t.bind(this.loc),s=this.today?.me,n=N(this.draft.note.trim()),o=this.problemOf("note");return a`
      <section class="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">${e("check_in.heading")}</h2>
        ${s?a`<p class="${s.check_in.due?"due":"muted"}">
                ${s.check_in.checked_in_today?e("check_in.checked_in_today"):s.check_in.due?e("check_in.due"):e("check_in.not_due")}
              </p>
              <p class="muted">${this.loc.plural("check_in.streak",s.check_in.streak)}</p>`:p}
        <p>${e("check_in.intro")}</p>
        <form @submit=${this.submit} novalidate>
          ${de.map(i=>this.scale(i))}
          <label for="note">${e("check_in.note_label")}</label>
          <p class="hint" id="note-hint">${e("check_in.note_hint")}</p>
          <textarea
            id="note"
            rows="4"
            aria-describedby="note-hint note-count"
            aria-invalid=${o?"true":"false"}
            .value=${this.draft.note}
            @input=${i=>this.update_({note:i.target.value})}
          ></textarea>
          <p class="hint count ${n>M?"error":""}" id="note-count">
            ${e("check_in.note_count",{count:n,max:M})}
          </p>
          ${o&&o.kind==="too_long"?a`<p class="error">
                ${e("check_in.note_too_long",{count:o.count,max:M})}
              </p>`:p}
          <div class="row">
            <button type="submit" ?disabled=${this.status==="saving"||!this.today}>
              ${e("check_in.save")}
            </button>
            <span role="status" class="status">
              ${this.status==="saved"?e("panel.saved"):""}
            </span>
          </div>
          ${this.error?a`<p class="error" role="alert">${this.error}</p>`:p}
        </form>
      </section>
    `}};P.styles=[v,g`
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
    `],h([m()],P.prototype,"draft",2),h([m()],P.prototype,"problems",2),h([m()],P.prototype,"status",2),h([m()],P.prototype,"error",2),h([m()],P.prototype,"tried",2);_("mdt-check-in-view",P);var Js=/^(\d{4})-(\d{2})-(\d{2})$/,tt=r=>{let t=Js.exec(r??"");return t?new Date(Date.UTC(+t[1],+t[2]-1,+t[3])).toISOString().slice(0,10)===r:!1},Ae=r=>Date.parse(`${r}T00:00:00Z`),es=(r,t)=>new Date(Ae(r)+t*864e5).toISOString().slice(0,10),Xs=(r,t)=>Math.round((Ae(t)-Ae(r))/864e5)+1,Ce=(r=new Date)=>{let t=e=>String(e).padStart(2,"0");return`${r.getFullYear()}-${t(r.getMonth()+1)}-${t(r.getDate())}`},Ee=(r,t=30)=>({start:es(r,-(t-1)),end:r}),ts=(r,t=366)=>!tt(r.start)||!tt(r.end)?{kind:"missing"}:r.end<r.start?{kind:"reversed"}:Xs(r.start,r.end)>t?{kind:"too_long",days:t}:null,ss=(r,t)=>r.kind==="too_long"?t("history.range_too_long",{days:r.days}):t(`history.range_${r.kind}`),rs=r=>{let t=[];for(let e=r.start;e<=r.end;e=es(e,1))t.push(e);return t},T=(r,t,e=!1)=>{if(!tt(r))return r;try{return new Intl.DateTimeFormat(t,{timeZone:"UTC",weekday:"short",day:"numeric",month:e?"long":"short",...e?{year:"numeric"}:{}}).format(new Date(Ae(r)))}catch{return r}},X=(r,t,e=!1)=>{let s=new Date(r);if(Number.isNaN(s.getTime()))return r;try{return new Intl.DateTimeFormat(t,{...e?{weekday:"short",day:"numeric",month:"short"}:{},hour:"2-digit",minute:"2-digit"}).format(s)}catch{return r}},ns=(r,t)=>{try{return new Intl.NumberFormat(t,{maximumFractionDigits:3}).format(r)}catch{return String(r)}};var Zs=new Set(["dose_refused_rest_day","dose_refused_tolerance_break","dose_refused_paused"]),Re=()=>({busy:!1,error:null,result:null,acknowledged:!1}),os=(r,t)=>{let e=t.error!=null&&Zs.has(Bt(t.error)??""),s=t.error==null&&t.result!=null;return{dosedToday:!!r?.me.dosed_today||s,logDisabled:t.busy||r==null,refused:t.error!=null,needsAcknowledgement:e,confirmDisabled:!e||!t.acknowledged||t.busy,logged:s,loggedOffProtocol:s&&!!t.result?.off_protocol,safetyNote:s&&!!(t.result?.safety_note||t.result?.safety_note_key)}},is=(r,t)=>t.t("dose.amount",{grams:ns(r.dose.amount_g,t.language),form:t.tOr(`form.${r.dose.form}`,r.dose.form)});var ce=class extends b{constructor(){super(...arguments);this.attempt=Re()}async send(e){this.attempt={...this.attempt,busy:!0};try{let s=await Rt(this.hass,this.entryId,e);this.attempt={...Re(),result:s},R(this)}catch(s){this.attempt={...Re(),error:s}}}render(){let e=this.today,s=this.loc,n=s.t.bind(s);if(!e)return a`<div class="card"><p>${n("panel.not_connected")}</p></div>`;let o=os(e,this.attempt),i=is(e,s),l=this.attempt.result;return a`
      <section class="card" aria-labelledby="dose-heading">
        <h2 id="dose-heading">${n("dose.heading")}</h2>
        <p>${n("dose.planned",{amount:i})}</p>
        <p class="big ${o.dosedToday?"status":""}">
          ${o.dosedToday?n("dose.dosed_today"):n("dose.not_dosed_today")}
        </p>
        ${e.me.last_dose?a`<p class="muted">
              ${n("dose.last_dose",{when:X(e.me.last_dose,this.hass.language,!0)})}
            </p>`:p}
        <p class="muted">${n("dose.doses_this_cycle",{count:e.me.doses_this_cycle})}</p>
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
              </p>`:p}
          ${o.needsAcknowledgement?a`<div class="ack">
                <p>${n("dose.ack_intro")}</p>
                <div class="check">
                  <input
                    id="ack"
                    type="checkbox"
                    .checked=${this.attempt.acknowledged}
                    @change=${d=>{this.attempt={...this.attempt,acknowledged:d.target.checked}}}
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
              </div>`:p}
          <p role="status" class="status">
            ${o.logged?o.loggedOffProtocol?n("dose.logged_off_protocol"):n("dose.logged"):""}
          </p>
          ${o.safetyNote&&l?a`<aside class="notice" aria-labelledby="safety-heading">
                <h3 id="safety-heading">${n("dose.safety_heading")}</h3>
                <p>${s.safetyNote(l.safety_note_key,l.safety_note)}</p>
              </aside>`:p}
        </div>
      </section>
    `}};ce.styles=[v,g`
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
    `],h([m()],ce.prototype,"attempt",2);_("mdt-dose-view",ce);var Z=class{constructor(t,e){this.host=t;this.actions=e;this.draft={};this.changeStart=t=>{this.draft={...this.draft,start:t.target.value},this.host.requestUpdate()};this.changeEnd=t=>{this.draft={...this.draft,end:t.target.value},this.host.requestUpdate()};this.submit=t=>{t.preventDefault();let e=ts(this.draft);if(e){let s=this.host.loc;this.actions.refuse(ss(e,s.t.bind(s)));return}this.actions.show({start:this.draft.start,end:this.draft.end})}}reset(t){this.draft={...t},this.host.requestUpdate()}render(t,e){let s=this.host.loc.t.bind(this.host.loc);return a`<form @submit=${this.submit} novalidate>
        <fieldset class="range">
          <legend>${s("history.range_legend")}</legend>
          <div class="row">
            <div>
              <label for="start">${s("history.from")}</label>
              <input
                id="start"
                type="date"
                .value=${this.draft.start??""}
                @change=${this.changeStart}
              />
            </div>
            <div>
              <label for="end">${s("history.to")}</label>
              <input
                id="end"
                type="date"
                .value=${this.draft.end??""}
                @change=${this.changeEnd}
              />
            </div>
            <button type="submit" class="show" ?disabled=${t}>
              ${s("history.show")}
            </button>
          </div>
        </fieldset>
      </form>
      <p role="status" class="muted">${t?s("panel.loading"):""}</p>
      ${e?a`<p class="error" role="alert">${e}</p>`:p}`}},Te=g`
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
  fieldset.range .row {
    align-items: flex-end;
  }
  fieldset.range input[type="date"] {
    min-width: 0;
  }
`;var De=({loc:r,language:t,geometry:e,scale:s,range:n,names:o})=>{let i=r.t.bind(r),l=i("history.chart_label",{scale:i(`check_in.${s}`),start:T(n.start,t),end:T(n.end,t),me:o.me,partner:o.partner});return a`<svg
    class="chart"
    viewBox="0 0 ${e.width} ${e.height}"
    role="img"
    aria-label=${l}
    preserveAspectRatio="none"
  >
    ${e.levels.map(d=>Y`<line class="grid" x1="0" x2=${e.width} y1=${d.y} y2=${d.y}></line>`)}
    ${e.partner.map(d=>Y`<polyline class="partner" points=${d}></polyline>`)}
    ${e.me.map(d=>Y`<polyline class="me" points=${d}></polyline>`)}
    ${e.partnerDots.map(d=>Y`<path class="dot partner" d="M${d.x} ${d.y}h0"></path>`)}
    ${e.meDots.map(d=>Y`<path class="dot me" d="M${d.x} ${d.y}h0"></path>`)}
    ${e.doses.map(d=>Y`<path class="dose ${d.who}" d="M${d.x} ${d.y}h0"></path>`)}
  </svg>`},Ie=(r,t)=>a`<p class="legend" aria-hidden="true">
    <span><span class="key me"></span>${t.me}</span>
    <span><span class="key partner"></span>${t.partner}</span>
    <span><span class="key dose"></span>${r.t("history.legend_dose")}</span>
  </p>`,Pe=g`
  .chart {
    display: block;
    width: 100%;
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
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    font-size: 0.9rem;
    color: var(--secondary-text-color, #727272);
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
`;var Qs={me:14,partner:5},Le=(r,t,e=600,s=160,n=12)=>{let o=rs(t),i=new Map(r.map(f=>[f.day,f])),l=s-n*2,d=f=>o.length<=1?e/2:n+f*(e-n*2)/(o.length-1),y=f=>n+(5-f)*(l-n)/4,c=f=>Math.round(f*10)/10,u=(f,w)=>i.get(f)?.[w]??null,A=f=>{let w=[],E=[];return o.forEach((ue,xs)=>{let ot=u(ue,f);ot!=null?E.push(`${c(d(xs))},${c(y(ot))}`):E.length&&(w.push(E.join(" ")),E=[])}),E.length&&w.push(E.join(" ")),w},C=f=>o.flatMap((w,E)=>{let ue=u(w,f);return ue!=null?[{x:c(d(E)),y:c(y(ue))}]:[]}),z=[],nt=(f,w)=>z.push({x:c(d(f)),y:s-Qs[w],who:w});return o.forEach((f,w)=>{let E=i.get(f);E?.dosedMe&&nt(w,"me"),E?.dosedPartner&&nt(w,"partner")}),{width:e,height:s,me:A("me"),partner:A("partner"),meDots:C("me"),partnerDots:C("partner"),doses:z,levels:[1,2,3,4,5].map(f=>({score:f,y:c(y(f))}))}};var st=r=>({mood:r.mood,connection:r.connection,stress:r.stress}),er=(r,t)=>Date.parse(r.at)-Date.parse(t.at)||r.at.localeCompare(t.at),as=(r,t)=>{let e=[...r?.check_ins??[]].sort(er),s=r?.doses??[],n=t===1?2:1,o=e.filter(c=>c.partner===t).map(c=>({day:c.day,at:c.at,...st(c),note:c.note||null})).reverse(),i=new Map,l=c=>{let u=i.get(c);return u||(u={day:c,me:null,partner:null,dosedMe:!1,dosedPartner:!1,offProtocol:!1},i.set(c,u)),u};for(let c of e)c.partner===t?l(c.day).me=st(c):c.partner===n&&(l(c.day).partner=st(c));for(let c of s){let u=l(c.day);c.partner===t?u.dosedMe=!0:c.partner===n&&(u.dosedPartner=!0),u.offProtocol||=c.off_protocol}let d=[...i.values()].sort((c,u)=>c.day.localeCompare(u.day)),y=[...r?.prompts??[]].sort((c,u)=>u.day.localeCompare(c.day)).map(c=>{let u=c.revealed?c.answers??{}:{};return{day:c.day,promptId:c.prompt_id,theme:c.theme,text:c.text,revealed:c.revealed,mine:u[String(t)]??c.own_answer??null,theirs:c.revealed?u[String(n)]??null:null}});return{myCheckIns:o,days:d,prompts:y}},tr=(r,t)=>r.map(e=>({day:e.day,me:e.me?.[t]??null,partner:e.partner?.[t]??null,dosedMe:e.dosedMe,dosedPartner:e.dosedPartner})),ls=(r,t,e,s=600,n=160,o=12)=>Le(tr(r,e),t,s,n,o);var D=class extends b{constructor(){super(...arguments);this.range=null;this.history=null;this.shownRange=null;this.loading=!1;this.error=null;this.scale="mood";this.loadedFor=null;this.request=0;this.rangeForm=new Z(this,{show:e=>{this.range=e,this.load(e)},refuse:e=>{this.error=e}})}willUpdate(e){if((e.has("entryId")||this.range===null&&this.today)&&this.entryId&&this.loadedFor!==this.entryId){let s=this.today?.today??Ce();this.range=Ee(s),this.rangeForm.reset(this.range),this.loadedFor=this.entryId,this.load(this.range)}}async load(e){let s=++this.request;this.loading=!0,this.error=null;try{let n=await Nt(this.hass,this.entryId,e.start,e.end);if(s!==this.request)return;this.history=n,this.shownRange=e}catch(n){if(s!==this.request)return;this.error=this.loc.error(n)}finally{s===this.request&&(this.loading=!1)}}day(e){return T(e,this.hass.language)}scoresLine(e){return this.loc.t("history.scores_line",e)}renderMyCheckIns(e){let s=this.loc.t.bind(this.loc);return a`<section class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">${s("history.my_check_ins")}</h2>
      ${e.myCheckIns.length===0?a`<p class="muted">${s("history.no_check_ins")}</p>`:a`<ul class="plain entries">
            ${e.myCheckIns.map(n=>a`<li>
                <div class="when">
                  ${this.day(n.day)} · ${X(n.at,this.hass.language)}
                </div>
                <div>${this.scoresLine(n)}</div>
                ${n.note?a`<div class="note" aria-label=${s("history.note")}>${n.note}</div>`:p}
              </li>`)}
          </ul>`}
    </section>`}cell(e,s){let n=e[s];return n?String(n[this.scale]):this.loc.t("history.no_score")}doseCell(e){let s=[];if(e.dosedMe&&s.push(this.today?.me.name??""),e.dosedPartner&&s.push(this.today?.partner.name??""),!s.length)return this.loc.t("history.no_dose");let n=s.join(", ");return e.offProtocol?`${n} (${this.loc.t("history.off_protocol")})`:n}renderScores(e,s){let n=this.loc.t.bind(this.loc),o=this.today?.me.name??"",i=this.today?.partner.name??"";return a`<section class="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading">${n("history.scores_heading")}</h2>
      ${e.days.length===0?a`<p class="muted">${n("history.no_scores")}</p>`:a`
            <label for="scale">${n("history.score_select")}</label>
            <select
              id="scale"
              .value=${this.scale}
              @change=${l=>{this.scale=l.target.value}}
            >
              ${de.map(l=>a`<option value=${l} ?selected=${l===this.scale}>
                    ${n(`check_in.${l}`)}
                  </option>`)}
            </select>
            ${De({loc:this.loc,language:this.hass.language,geometry:ls(e.days,s,this.scale),scale:this.scale,range:s,names:{me:o,partner:i}})}
            ${Ie(this.loc,{me:o,partner:i})}
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
                  ${[...e.days].reverse().map(l=>a`<tr class=${l.dosedMe||l.dosedPartner?"dose-day":""}>
                      <th scope="row">${this.day(l.day)}</th>
                      <td>${this.cell(l,"me")}</td>
                      <td>${this.cell(l,"partner")}</td>
                      <td>${this.doseCell(l)}</td>
                    </tr>`)}
                </tbody>
              </table>
            </div>
          `}
    </section>`}renderPrompts(e){let s=this.loc.t.bind(this.loc),n=this.today?.me.name??"",o=this.today?.partner.name??"";return a`<section class="card" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">${s("history.prompts_heading")}</h2>
      ${e.prompts.length===0?a`<p class="muted">${s("history.no_prompts")}</p>`:a`<ul class="plain entries">
            ${e.prompts.map(i=>a`<li>
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
                          </dl>`:p}
                      <p class="muted">${s("history.not_revealed")}</p>`}
              </li>`)}
          </ul>`}
    </section>`}render(){let e=this.loc.t.bind(this.loc),s=this.shownRange,n=this.history&&this.today?as(this.history,this.today.me.slot):null;return a`
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">${e("history.heading")}</h2>
        ${this.rangeForm.render(this.loading,this.error)}
      </section>
      ${n&&s?a`${this.renderMyCheckIns(n)} ${this.renderScores(n,s)}
          ${this.renderPrompts(n)}`:p}
    `}};D.styles=[v,Te,Pe,g`
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
        height: 160px;
        margin: 16px 0 4px;
      }
      .legend {
        margin-bottom: 12px;
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
    `],h([m()],D.prototype,"range",2),h([m()],D.prototype,"history",2),h([m()],D.prototype,"shownRange",2),h([m()],D.prototype,"loading",2),h([m()],D.prototype,"error",2),h([m()],D.prototype,"scale",2);_("mdt-history-view",D);var cs=90,sr=5,V=["mood","connection"],rr=r=>{let t=[];for(let e of V){let s=r?.dose_day_vs_rest_day?.[e],n=r?.categories?.dose_day?.[e],o=r?.categories?.rest_day?.[e];if(!s?.enough||s.difference==null||s.low==null||s.high==null||n==null||o==null)return[{kind:"not_enough",doseDays:s?.dose_days??r?.categories?.dose_day?.days??0,restDays:s?.rest_days??r?.categories?.rest_day?.days??0,needed:sr}];t.push({kind:"enough",score:e,doseMean:n,restMean:o,doseDays:s.dose_days,restDays:s.rest_days,difference:s.difference,low:s.low,high:s.high})}return t},nr=(r,t)=>{let e=Math.abs(r)<.05?0:r;try{return new Intl.NumberFormat(t,{minimumFractionDigits:1,maximumFractionDigits:1}).format(e)}catch{return e.toFixed(1)}},or=(r,t,e,s)=>{let n=t.me?"me":"partner",o=t.me?{}:{name:t.name};if(r.kind==="not_enough")return e(`insights.not_enough_${n}`,{needed:r.needed,dose_days:r.doseDays,rest_days:r.restDays,...o});let i=y=>nr(y,s),l=e(`insights.compare_${n}_${r.score}`,{dose:i(r.doseMean),rest:i(r.restMean),dose_days:r.doseDays,rest_days:r.restDays,...o}),d=e("insights.difference",{difference:i(r.difference),low:i(r.low),high:i(r.high)});return`${l} ${d}`},ps=(r,t,e,s)=>rr(r).map(n=>or(n,t,e,s)),ds={mood:null,connection:null,dosed:!1},hs=(r,t)=>{let e=t===1?2:1;return[...r?.series??[]].sort((s,n)=>s.day.localeCompare(n.day)).map(s=>({day:s.day,me:{...ds,...s.partners?.[String(t)]},partner:{...ds,...s.partners?.[String(e)]}}))},ir=(r,t)=>r.map(e=>({day:e.day,me:e.me[t]??null,partner:e.partner[t]??null,dosedMe:e.me.dosed,dosedPartner:e.partner.dosed})),us=(r,t,e,s=600,n=140,o=12)=>Le(ir(r,e),t,s,n,o);var H=class extends b{constructor(){super(...arguments);this.range=null;this.insights=null;this.loading=!1;this.error=null;this.loadedFor=null;this.request=0;this.rangeForm=new Z(this,{show:e=>{this.range=e,this.load(e)},refuse:e=>{this.error=e}})}willUpdate(e){if((e.has("entryId")||this.range===null&&this.today)&&this.entryId&&this.loadedFor!==this.entryId){let s=this.today?.today??Ce();this.range=Ee(s,cs),this.rangeForm.reset(this.range),this.loadedFor=this.entryId,this.load(this.range)}}async load(e){let s=++this.request;this.loading=!0,this.error=null;try{let n=await Mt(this.hass,this.entryId,e.start,e.end);if(s!==this.request)return;this.insights=n}catch(n){if(s!==this.request)return;this.error=this.loc.error(n)}finally{s===this.request&&(this.loading=!1)}}day(e){return T(e,this.hass.language)}get names(){return{me:this.today?.me.name??"",partner:this.today?.partner.name??""}}renderComparison(e,s){let n=this.loc.t.bind(this.loc),{me:o,partner:i}=this.names,l=s===1?2:1,d=[{slot:s,heading:n("insights.you",{name:o}),reader:{me:!0}},{slot:l,heading:i,reader:{me:!1,name:i}}];return a`<section class="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">${n("insights.compare_heading")}</h2>
      <p class="hint">
        ${n("insights.range",{start:this.day(e.start),end:this.day(e.end)})}
      </p>
      <div class="people">
        ${d.map(y=>a`<div class="person">
            <h3>${y.heading}</h3>
            ${ps(e.partners[String(y.slot)],y.reader,n,this.loc.language).map(c=>a`<p>${c}</p>`)}
          </div>`)}
      </div>
    </section>`}renderChart(e,s,n){let o=this.loc.t.bind(this.loc);return a`<figure class="chart-block">
      <figcaption><h3>${o(`check_in.${n}`)}</h3></figcaption>
      ${De({loc:this.loc,language:this.hass.language,geometry:us(e,s,n),scale:n,range:s,names:this.names})}
      <div class="axis" aria-hidden="true">
        <span>${this.day(s.start)}</span><span>${this.day(s.end)}</span>
      </div>
    </figure>`}score(e){return e==null?this.loc.t("history.no_score"):String(e)}doseCell(e){let{me:s,partner:n}=this.names,o=[e.me.dosed?s:"",e.partner.dosed?n:""].filter(Boolean);return o.length?o.join(", "):this.loc.t("history.no_dose")}renderTable(e){let s=this.loc.t.bind(this.loc),{me:n,partner:o}=this.names,i=(l,d)=>s("insights.column",{name:l,scale:s(`check_in.${d}`)});return a`<details class="days">
      <summary>${s("insights.table_summary")}</summary>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${s("insights.time_heading")}>
        <table>
          <caption class="visually-hidden">${s("insights.time_heading")}</caption>
          <thead>
            <tr>
              <th scope="col">${s("history.day")}</th>
              ${V.map(l=>a`<th scope="col">${i(n,l)}</th>`)}
              ${V.map(l=>a`<th scope="col">${i(o,l)}</th>`)}
              <th scope="col">${s("history.dose_column")}</th>
            </tr>
          </thead>
          <tbody>
            ${[...e].reverse().map(l=>a`<tr class=${l.me.dosed||l.partner.dosed?"dose-day":""}>
                <th scope="row">${this.day(l.day)}</th>
                ${V.map(d=>a`<td>${this.score(l.me[d])}</td>`)}
                ${V.map(d=>a`<td>${this.score(l.partner[d])}</td>`)}
                <td>${this.doseCell(l)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
    </details>`}renderOverTime(e,s){let n=this.loc.t.bind(this.loc),o=hs(e,s),i={start:e.start,end:e.end};return a`<section class="card" aria-labelledby="time-heading">
      <h2 id="time-heading">${n("insights.time_heading")}</h2>
      ${o.length===0?a`<p class="muted">${n("history.no_scores")}</p>`:a`
            ${Ie(this.loc,this.names)}
            ${V.map(l=>this.renderChart(o,i,l))}
            ${this.renderTable(o)}
          `}
    </section>`}render(){let e=this.loc.t.bind(this.loc),s=this.insights,n=this.today?.me.slot??null;return a`
      <section class="card" aria-labelledby="insights-heading">
        <h2 id="insights-heading">${e("insights.heading")}</h2>
        <p class="association">${e("insights.association")}</p>
        ${this.rangeForm.render(this.loading,this.error)}
      </section>
      ${s&&n!==null?a`${this.renderComparison(s,n)} ${this.renderOverTime(s,n)}`:p}
    `}};H.styles=[v,Te,Pe,g`
      .association {
        padding: 8px 12px;
        border-left: 3px solid var(--primary-color, #03a9f4);
        color: var(--secondary-text-color, #727272);
        margin-bottom: 16px;
      }
      .people {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
        gap: 8px 24px;
      }
      .person h3 {
        margin-top: 8px;
      }
      figure.chart-block {
        margin: 0 0 12px;
      }
      figure.chart-block h3 {
        margin: 8px 0 4px;
      }
      .chart {
        height: 140px;
        margin: 4px 0 2px;
      }
      .axis {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        font-size: 0.85rem;
        color: var(--secondary-text-color, #727272);
      }
      .legend {
        margin-bottom: 4px;
      }
      details.days {
        margin-top: 8px;
      }
      details.days summary {
        cursor: pointer;
        padding: 10px 0;
        color: var(--primary-color, #03a9f4);
        font-weight: 500;
      }
      details.days summary:focus-visible {
        outline: 3px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
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
        /* Whole words in cells; a narrow screen scrolls the table instead. */
        overflow-wrap: normal;
      }
      th[scope="row"],
      td {
        white-space: nowrap;
      }
      thead th {
        font-weight: 500;
      }
      tr.dose-day th[scope="row"] {
        font-weight: 500;
      }
    `],h([m()],H.prototype,"range",2),h([m()],H.prototype,"insights",2),h([m()],H.prototype,"loading",2),h([m()],H.prototype,"error",2);_("mdt-insights-view",H);var pe=class extends k{render(){let t=this.loc.t.bind(this.loc);return a`<section class="card" aria-labelledby="not-partner-heading">
      <h2 id="not-partner-heading">${t("not_partner.heading")}</h2>
      <p>${t("not_partner.body")}</p>
      <p class="muted">${t("not_partner.hint")}</p>
    </section>`}};pe.styles=v,h([$({attribute:!1})],pe.prototype,"loc",2);_("mdt-not-a-partner-view",pe);var ms=(r,t=null)=>{let e=r?.prompt;if(!r||!e)return{kind:"none"};let s={question:e.text,theme:e.theme};if(e.revealed&&e.answers)return{kind:"revealed",...s,mine:{name:r.me.name,text:e.answers.me},theirs:{name:r.partner.name,text:e.answers.partner}};let n=t!=null&&t.promptId===e.prompt_id;return e.i_answered||n?{kind:"waiting",...s,partnerName:r.partner.name,ownAnswer:e.own_answer??(n?t.text:null)}:{kind:"answer",...s,partnerName:r.partner.name,partnerAnswered:e.partner_answered}};var ys=M,j=class extends b{constructor(){super(...arguments);this.answer="";this.sending=!1;this.problem=null;this.sent=null}async send(e){e.preventDefault();let s=this.answer.trim(),n=N(s);if(!s){this.problem=this.loc.t("prompt.empty");return}if(n>ys){this.problem=this.loc.t("prompt.too_long",{count:n,max:ys});return}let o=this.today?.prompt?.prompt_id;this.problem=null,this.sending=!0;try{await Dt(this.hass,this.entryId,s),this.answer="",this.sent=o?{promptId:o,text:s}:null,R(this)}catch(i){this.problem=this.loc.error(i)}finally{this.sending=!1}}answerCard(e,s){return a`<article class="answer" aria-labelledby=${s}>
      <h4 id=${s}>${e.name}</h4>
      <p>${e.text}</p>
    </article>`}render(){let e=this.loc.t.bind(this.loc);if(!this.today)return a`<div class="card"><p>${e("panel.not_connected")}</p></div>`;let s=ms(this.today,this.sent);return s.kind==="none"?a`<section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${e("prompt.heading")}</h2>
        <p>${e("prompt.none")}</p>
        <p class="muted">${e("prompt.none_hint")}</p>
      </section>`:a`
      <section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${e("prompt.heading")}</h2>
        ${s.theme?a`<p class="muted">${e("prompt.theme",{theme:this.loc.theme(s.theme)})}</p>`:p}
        <blockquote class="question">${s.question}</blockquote>
        ${s.kind==="answer"?a`<form @submit=${this.send}>
              ${s.partnerAnswered?a`<p class="notice">${e("prompt.partner_answered",{name:s.partnerName})}</p>`:p}
              <label for="answer">${e("prompt.answer_label")}</label>
              <p class="hint" id="answer-hint">
                ${e("prompt.answer_hint",{name:s.partnerName})}
              </p>
              <textarea
                id="answer"
                rows="5"
                aria-describedby="answer-hint"
                .value=${this.answer}
                @input=${n=>{this.answer=n.target.value}}
              ></textarea>
              <div class="row send">
                <button type="submit" ?disabled=${this.sending}>${e("prompt.send")}</button>
              </div>
              ${this.problem?a`<p class="error" role="alert">${this.problem}</p>`:p}
            </form>`:p}
        ${s.kind==="waiting"?a`<h3 class="waiting">${e("prompt.waiting",{name:s.partnerName})}</h3>
              <p>${e("prompt.waiting_hint",{name:s.partnerName})}</p>
              ${s.ownAnswer?a`<h4>${e("prompt.what_you_wrote")}</h4>
                    <p class="own">${s.ownAnswer}</p>`:p}`:p}
        ${s.kind==="revealed"?a`<section class="both" aria-labelledby="both-heading">
              <h3 id="both-heading">${e("prompt.both")}</h3>
              <div class="answers">
                ${this.answerCard(s.mine,"answer-me")}
                ${this.answerCard(s.theirs,"answer-partner")}
              </div>
            </section>`:p}
      </section>
    `}};j.styles=[v,g`
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
    `],h([m()],j.prototype,"answer",2),h([m()],j.prototype,"sending",2),h([m()],j.prototype,"problem",2),h([m()],j.prototype,"sent",2);_("mdt-prompt-view",j);var he="conversation",gs=r=>{let t=r??[];return[t.find(s=>s.id===he)??{id:he,name:""},...t.filter(s=>s.id!==he)]},rt=(r,t)=>r.find(e=>e.id===t)?.id??r[0]?.id??he,fs=(r,t,e)=>t?.find(n=>n.id===r)?.name.trim()||e(`ritual.preset.${r}`,r),_s=r=>r?.already_running?r.preset??he:null;var ar="missing",lr=r=>r.ok?"done":r.error===ar?"skipped":"failed",vs=r=>{let t=(r?.steps??[]).map(s=>({step:s.step,target:s.target??null,status:lr(s),error:s.error??null})),e=s=>t.filter(n=>n.status===s).length;return{rows:t,done:e("done"),skipped:e("skipped"),failed:e("failed")}},bs=(r,t,e)=>{let s=/^prompt_(\d+)$/.exec(r);if(s){let n=Number(s[1]);return{kind:"phones",name:[t?.me,t?.partner].find(i=>i?.slot===n)?.name??r}}return{kind:"device",name:e?.[r]?.attributes?.friendly_name??r}};var U=class extends b{constructor(){super(...arguments);this.busy=null;this.report=null;this.error=null;this.chosen=null}get choices(){return gs(this.today?.ritual?.presets)}presetName(e){return fs(e,this.today?.ritual?.presets,(s,n)=>this.loc.tOr(s,n))}async run(e){this.busy=e,this.error=null,this.report=null;try{let s=e==="start"?await Lt(this.hass,this.entryId,rt(this.choices,this.chosen)):await Ot(this.hass,this.entryId);this.report={action:e,summary:vs(s),alreadyRunning:e==="start"?_s(s):null},R(this)}catch(s){this.error=this.loc.error(s)}finally{this.busy=null}}targetText(e){let s=bs(e,this.today,this.hass?.states);return s.kind==="phones"?this.loc.t("ritual.phones_of",{name:s.name}):s.name}renderReport(){if(!this.report)return p;let e=this.loc.t.bind(this.loc),{action:s,summary:n}=this.report;return this.report.alreadyRunning?a`<p class="notice" role="status">
        ${e("ritual.already_running",{preset:this.presetName(this.report.alreadyRunning)})}
      </p>`:a`<section class="report" aria-labelledby="report-heading">
      <h3 id="report-heading">
        ${e(s==="start"?"ritual.report_start":"ritual.report_end")}
      </h3>
      ${n.rows.length===0?a`<p>${e("ritual.no_steps")}</p>`:a`<p>
              ${e("ritual.summary",{done:n.done,skipped:n.skipped,failed:n.failed})}
            </p>
            <ul class="plain steps">
              ${n.rows.map(o=>a`<li class="step ${o.status}">
                  <span class="badge">${e(`ritual.status_${o.status}`)}</span>
                  <span class="what">
                    ${this.loc.tOr(`ritual.step.${o.step}`,o.step)}
                    ${o.target?a`<span class="muted target">${this.targetText(o.target)}</span>`:p}
                    ${o.error?a`<span class="error detail">
                          ${e("ritual.error_detail",{error:o.error})}
                        </span>`:p}
                  </span>
                </li>`)}
            </ul>`}
    </section>`}renderChoice(){let e=this.choices,s=rt(e,this.chosen);return a`<div class="choice">
      <label for="preset">${this.loc.t("ritual.choose_label")}</label>
      <select
        id="preset"
        .value=${s}
        ?disabled=${this.busy!==null}
        @change=${n=>{this.chosen=n.target.value}}
      >
        ${e.map(n=>a`<option value=${n.id} ?selected=${n.id===s}>
              ${this.presetName(n.id)}
            </option>`)}
      </select>
    </div>`}render(){let e=this.loc.t.bind(this.loc),s=this.today?.ritual;return a`
      <section class="card" aria-labelledby="ritual-heading">
        <h2 id="ritual-heading">${e("ritual.heading")}</h2>
        <p class="muted">${e("ritual.intro")}</p>
        ${s?a`<p class="big">
              ${s.running?s.started_at?e("ritual.running",{time:X(s.started_at,this.hass.language)}):e("ritual.running_no_time"):e("ritual.not_running")}
            </p>`:p}
        ${s?.running&&s.preset?a`<p class="which">
              ${e("ritual.running_which",{preset:this.presetName(s.preset)})}
            </p>`:p}
        ${this.renderChoice()}
        <div class="row">
          <button
            type="button"
            class=${s?.running?"secondary":""}
            ?disabled=${this.busy!==null}
            @click=${()=>this.run("start")}
          >
            ${e("ritual.start")}
          </button>
          <button
            type="button"
            class=${s?.running?"":"secondary"}
            ?disabled=${this.busy!==null}
            @click=${()=>this.run("end")}
          >
            ${e("ritual.end")}
          </button>
          <span role="status" class="muted">${this.busy?e("panel.saving"):""}</span>
        </div>
        ${this.error?a`<p class="notice error-box" role="alert">${this.error}</p>`:p}
        ${this.renderReport()}
      </section>
    `}};U.styles=[v,g`
      .report {
        margin-top: 16px;
      }
      .choice {
        margin: 0 0 12px;
      }
      .choice select {
        width: 100%;
        max-width: 360px;
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
    `],h([m()],U.prototype,"busy",2),h([m()],U.prototype,"report",2),h([m()],U.prototype,"error",2),h([m()],U.prototype,"chosen",2);_("mdt-ritual-view",U);var $s=255,dr=["automatic","calm","not_calm"],L=class extends b{constructor(){super(...arguments);this.draft=null;this.intentionStatus="idle";this.intentionError=null;this.feelsStatus="idle";this.feelsError=null;this.dropDraftOnUpdate=!1}willUpdate(e){e.has("today")&&this.dropDraftOnUpdate&&(this.dropDraftOnUpdate=!1,this.draft=null)}get intention(){return this.draft??this.today?.intention??""}async saveIntention(e){e.preventDefault();let s=this.intention.trim();if(N(s)>$s){this.intentionError=this.loc.t("today.intention_too_long",{max:$s});return}this.intentionError=null,this.intentionStatus="saving";try{await It(this.hass,this.entryId,s),this.intentionStatus="saved",this.dropDraftOnUpdate=!0,R(this)}catch(n){this.intentionStatus="idle",this.intentionError=this.loc.error(n)}}async changeFeels(e){let s=e.target,n=s.value;this.feelsError=null,this.feelsStatus="saving";try{await Pt(this.hass,this.entryId,n),this.feelsStatus="saved",R(this)}catch(o){this.feelsStatus="idle",this.feelsError=this.loc.error(o),s.value=this.today?.today_feels??"automatic"}}partnerLine(e){let{t:s}=this.bound;return a`<li>
      <strong>${e.name}</strong>:
      ${e.dosed_today?s("today.dosed_today"):s("today.not_dosed_today")} ·
      ${e.check_in.checked_in_today?s("today.checked_in_today"):s("today.not_checked_in_today")}
    </li>`}get bound(){return{t:this.loc.t.bind(this.loc)}}render(){let e=this.today;if(!e)return a`<div class="card"><p>${this.loc.t("panel.not_connected")}</p></div>`;let{t:s}=this.bound,n=this.hass.language,o=e.calm;return a`
      <section class="card" aria-labelledby="today-heading">
        <h2 id="today-heading">${s("today.heading")}</h2>
        <p class="big">
          <span class="muted">${s("today.phase_label")}:</span>
          <strong>${this.loc.phase(e.phase)}</strong>
        </p>
        ${e.cycle_day!=null?a`<p>${s("today.cycle_day",{day:e.cycle_day})}</p>`:p}
        ${e.pause_begins?a`<p>${s("today.pause_begins",{date:T(e.pause_begins,n,!0)})}</p>`:e.paused?a`<p>${s("today.paused")}</p>`:p}
        ${e.phase==="tolerance_break"&&e.break_end?a`<p>${s("today.break_end",{date:T(e.break_end,n,!0)})}</p>`:p}
        <p>
          ${e.next_dose===e.today?s("today.dose_today"):e.next_dose?s("today.next_dose",{date:T(e.next_dose,n,!0)}):s("today.no_next_dose")}
        </p>
      </section>

      <section class="card" aria-labelledby="calm-heading">
        <h2 id="calm-heading">${s("today.calm_heading")}</h2>
        ${o==null?a`<p class="muted">${s("today.calm_unknown")}</p>`:o.calm?a`<p>${s("today.calm_yes")}</p>`:a`<p>${s("today.calm_no")}</p>`}
        ${o&&o.reasons.length?a`<ul class="reasons">
              ${o.reasons.map(i=>a`<li>${this.loc.reason(i)}</li>`)}
            </ul>`:p}
        <label for="feels">${s("today.feels_label")}</label>
        <p class="hint" id="feels-hint">${s("today.feels_hint")}</p>
        <div class="row">
          <select
            id="feels"
            aria-describedby="feels-hint"
            .value=${e.today_feels}
            @change=${this.changeFeels}
          >
            ${dr.map(i=>a`<option value=${i} ?selected=${i===e.today_feels}>
                  ${this.loc.feels(i)}
                </option>`)}
          </select>
          <span role="status" class="status">
            ${this.feelsStatus==="saved"?s("panel.saved"):""}
          </span>
        </div>
        ${this.feelsError?a`<p class="error" role="alert">${this.feelsError}</p>`:p}
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
          ${this.intentionError?a`<p class="error" role="alert">${this.intentionError}</p>`:p}
        </form>
      </section>

      <section class="card" aria-labelledby="us-heading">
        <h2 id="us-heading">${s("today.us_heading")}</h2>
        <ul class="plain us">
          ${this.partnerLine(e.me)} ${this.partnerLine(e.partner)}
        </ul>
      </section>
    `}};L.styles=[v,g`
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
    `],h([m()],L.prototype,"draft",2),h([m()],L.prototype,"intentionStatus",2),h([m()],L.prototype,"intentionError",2),h([m()],L.prototype,"feelsStatus",2),h([m()],L.prototype,"feelsError",2);_("mdt-today-view",L);var cr={today:"tabs.today",dose:"tabs.dose","check-in":"tabs.check_in",prompt:"tabs.prompt",ritual:"tabs.ritual",history:"tabs.history",insights:"tabs.insights"},pr="M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",ks="view",x=class extends k{constructor(){super();this.narrow=!1;this.couples=null;this.couplesError=null;this.entryId=null;this.view="today";this.today=null;this.resources={};this.requestedCouple=null;this.lastPath=null;this.translationsFor=null;this.loadingCouples=!1;this.localizer=null;this.localizerResources=null;this.subscription=new be(e=>{this.today=e},()=>{this.refresh()});this.addEventListener(Ge,()=>{this.refresh()}),this.addEventListener(Qe,e=>this.selectCouple(e.detail.entryId))}connectedCallback(){super.connectedCallback(),this.requestedCouple=Vt(window.location.search),this.follow()}disconnectedCallback(){super.disconnectedCallback(),this.subscription.stop()}willUpdate(e){if(e.has("route")&&this.route&&this.route.path!==this.lastPath?(this.lastPath=this.route.path,this.view=Xe(this.route.path)):!this.hasUpdated&&!this.route&&location.pathname.startsWith(le)&&(this.view=Xe(location.pathname.slice(le.length))),e.has("hass")&&this.hass){let s=this.hass.language??"en";this.translationsFor!==s&&(this.translationsFor=s,this.loadTranslations(s)),this.couples===null&&!this.loadingCouples&&!this.couplesError&&this.loadCouples(),this.follow(),this.toggleAttribute("dark",!!this.hass.themes?.darkMode)}}get loc(){let e=Ut(this.hass?.language);return(!this.localizer||this.localizer.language!==e||this.localizerResources!==this.resources)&&(this.localizerResources=this.resources,this.localizer=new xe(e,Je[e],Je.en,this.resources)),this.localizer}async loadTranslations(e){let s=["entity","exceptions","selector"],n=await Promise.all(s.map(o=>jt(this.hass,e,o).catch(()=>({}))));this.translationsFor===e&&(this.resources=Object.assign({},...n))}async loadCouples(){this.loadingCouples=!0,this.couplesError=null;try{this.couples=await Ct(this.hass);let e=Ze(this.couples,this.requestedCouple);this.entryId=e.kind==="none"?null:e.couple.config_entry_id,this.follow()}catch(e){this.couplesError=e}finally{this.loadingCouples=!1}}follow(){!this.isConnected||!this.hass?.connection||!this.entryId||this.subscription.follow(this.hass.connection,this.entryId)}async refresh(){let e=this.entryId;if(!(!e||!this.hass))try{let s=await Et(this.hass,e);e===this.entryId&&(this.today=s)}catch{}}selectCouple(e){e!==this.entryId&&(this.entryId=e,this.requestedCouple=e,this.today=null,this.follow(),this.writeUrl())}selectView(e){we.includes(e)&&(this.view=e,this.writeUrl())}writeUrl(){let e=(this.couples?.length??0)>1,s=Kt(this.view,e?this.entryId:null,this.route?.prefix||le);this.lastPath=`/${this.view}`;try{history.replaceState(history.state,"",s)}catch{}}toggleMenu(){this.dispatchEvent(new Event("hass-toggle-menu",{bubbles:!0,composed:!0}))}renderHeader(e){let s=this.narrow||this.hass?.dockedSidebar==="always_hidden";return a`<header class="toolbar">
      ${s?a`<button
            type="button"
            class="menu"
            aria-label=${e.t("panel.menu")}
            @click=${this.toggleMenu}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d=${pr}></path>
            </svg>
          </button>`:p}
      <h1>${e.t("panel.title")}</h1>
    </header>`}renderView(e){let s={hass:this.hass,loc:e,today:this.today,entryId:this.entryId??""};switch(this.view){case"dose":return a`<mdt-dose-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-dose-view>`;case"check-in":return a`<mdt-check-in-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-check-in-view>`;case"prompt":return a`<mdt-prompt-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-prompt-view>`;case"ritual":return a`<mdt-ritual-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-ritual-view>`;case"history":return a`<mdt-history-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-history-view>`;case"insights":return a`<mdt-insights-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-insights-view>`;default:return a`<mdt-today-view .hass=${s.hass} .loc=${e} .today=${s.today} .entryId=${s.entryId}></mdt-today-view>`}}renderBody(e){if(this.couplesError)return a`<section class="card">
        <p role="alert">${e.error(this.couplesError)}</p>
        <button type="button" @click=${()=>{this.loadCouples()}}>${e.t("panel.retry")}</button>
      </section>`;if(this.couples===null)return a`<p role="status" class="muted">${e.t("panel.loading")}</p>`;let s=Ze(this.couples,this.entryId);if(s.kind==="none")return a`<mdt-not-a-partner-view .loc=${e}></mdt-not-a-partner-view>`;let n=we.map(o=>({id:o,label:e.t(cr[o])}));return a`
      ${s.kind==="several"?a`<mdt-couple-chooser
            class="chooser"
            .loc=${e}
            .couples=${s.couples}
            .selected=${s.couple.config_entry_id}
          ></mdt-couple-chooser>`:p}
      <nav class="nav">
        ${St({tabs:n,selected:this.view,label:e.t("panel.tabs_label"),panelId:ks,onSelect:o=>this.selectView(o)})}
      </nav>
      <div role="tabpanel" id=${ks} aria-labelledby=${Ve(this.view)}>
        ${this.renderView(e)}
      </div>
    `}render(){if(!this.hass)return p;let e=this.loc;return a`${this.renderHeader(e)}
      <main class="content" lang=${e.language}>${this.renderBody(e)}</main>`}};x.styles=[v,At,g`
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
    `],h([$({attribute:!1})],x.prototype,"hass",2),h([$({type:Boolean,reflect:!0})],x.prototype,"narrow",2),h([$({attribute:!1})],x.prototype,"route",2),h([$({attribute:!1})],x.prototype,"panel",2),h([m()],x.prototype,"couples",2),h([m()],x.prototype,"couplesError",2),h([m()],x.prototype,"entryId",2),h([m()],x.prototype,"view",2),h([m()],x.prototype,"today",2),h([m()],x.prototype,"resources",2);_("microdose-together-panel",x);export{x as MicrodoseTogetherPanel};
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
