// The console's "?" key opens the list of keyboard shortcuts, unless the user is typing.
window.mockpanelConsoleKeys = function (console) {
  if (console._mpKeys) {
    document.removeEventListener('keydown', console._mpKeys);
  }
  console._mpKeys = event => {
    if (!console.isConnected) {
      document.removeEventListener('keydown', console._mpKeys);
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
      console.$server.showShortcuts();
    }
  };
  document.addEventListener('keydown', console._mpKeys);
};
