// The demo's control strip: marks the current page and flips the stand-in eleapi API between
// healthy and failing (through the demo server's /demo/upstream, which calls /_sim/config).
(() => {
  for (const link of document.querySelectorAll('.demo-bar nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
  }

  const state = document.getElementById('upstream-state');
  const toggle = document.getElementById('upstream-toggle');
  if (!state || !toggle) return;

  const show = (failing) => {
    state.textContent = failing ? 'failing (every upsert answers 503)' : 'healthy';
    state.classList.toggle('is-failing', failing);
    toggle.textContent = failing ? 'Make upstream healthy' : 'Make upstream fail';
    toggle.dataset.failing = String(failing);
  };

  const call = async (init) => {
    const response = await fetch('/demo/upstream', init);
    if (!response.ok) throw new Error(`/demo/upstream answered ${response.status}`);
    const body = await response.json();
    show(body.failing === true);
  };

  const report = (error) => {
    state.textContent = 'unknown (is the demo still running?)';
    console.error(error);
  };

  toggle.addEventListener('click', () => {
    const failing = toggle.dataset.failing !== 'true';
    call({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failing }),
    }).catch(report);
  });

  call().catch(report);
})();
