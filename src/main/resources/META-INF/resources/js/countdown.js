// A scenario countdown in the browser: the server sends the remaining time whenever the timer
// changes; the browser only counts down from it, so no browser clock ever decides the time.
window.mockpanelCountdown = function (el, remainingMillis, running) {
  clearInterval(el._mpTimer);
  const deadline = Date.now() + remainingMillis;
  const format = ms => {
    const s = Math.round(ms / 1000), a = Math.abs(s);
    return (s < 0 ? '-' : '') + String(Math.floor(a / 60)).padStart(2, '0') + ':' + String(a % 60).padStart(2, '0');
  };
  const tick = () => {
    const left = deadline - Date.now();
    el.textContent = format(left);
    el.classList.toggle('overrun', left < 0);
  };
  tick();
  if (running) {
    el._mpTimer = setInterval(tick, 1000);
  }
};
