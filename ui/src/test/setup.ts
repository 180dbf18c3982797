// jsdom lacks parts of <dialog>; the app falls back to the `open` attribute, but tests should
// see the real behaviour (open/close, the "cancel" event on Escape is dispatched by tests).
if (typeof HTMLDialogElement !== 'undefined') {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// jsdom has no layout: element sizes are 0 and nothing ever resizes. Svelte's size bindings need
// the constructor to exist.
globalThis.ResizeObserver ??= class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
};
