// The session console in the browser.
// The "?" key opens the list of keyboard shortcuts, unless the user is typing.
window.mockpanelConsoleKeys = function (view) {
  if (view._mpKeys) {
    document.removeEventListener('keydown', view._mpKeys);
  }
  view._mpKeys = event => {
    if (!view.isConnected) {
      document.removeEventListener('keydown', view._mpKeys);
      return;
    }
    if (event.key !== '?' || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const path = event.composedPath();
    const typing = path.some(node => node instanceof HTMLElement
        && (node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName)));
    if (!typing) {
      event.preventDefault();
      view.$server.showShortcuts();
    }
  };
  document.addEventListener('keydown', view._mpKeys);
};

// Scrolls an element into view once it is laid out: an item pushed into a scenario that opens in
// the same round trip has no size until the browser has drawn the opened scenario.
window.mockpanelScrollIntoView = function (el) {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  }));
};
