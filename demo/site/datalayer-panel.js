// The catering page's data layer panel: lists every window.dataLayer push, as Google Tag
// Manager's preview would. A file of its own, so the page needs no inline script.
(() => {
  window.dataLayer = window.dataLayer || [];
  const layer = window.dataLayer;
  const list = () => document.getElementById('datalayer-pushes');
  const show = () => {
    const target = list();
    if (!target) return;
    const items = layer.map((push) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = JSON.stringify(push);
      item.append(code);
      return item;
    });
    if (!items.length) {
      const none = document.createElement('li');
      none.textContent = 'No pushes yet.';
      items.push(none);
    }
    target.replaceChildren(...items);
  };
  const push = layer.push.bind(layer);
  layer.push = (...items) => {
    const length = push(...items);
    show();
    return length;
  };
  document.addEventListener('DOMContentLoaded', show);
})();
