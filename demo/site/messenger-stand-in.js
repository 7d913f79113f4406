// STAND-IN for eleapi.js, the eleapi chatbot messenger. It is NOT the real messenger: it only
// does the part the lead form relies on. Like the real one, it reads `BotId,CustomerId` from
// its own tag, shows a chat bubble, and when the visitor opens the chat it creates the chat
// session UUID and keeps it in sessionStorage, where eleapi-leads finds it (docs/contract.md
// §3). Its bubble sits bottom-right (bottom-left in RTL), the corner the real one uses.
(() => {
  const UUID_KEY = 'eleapi-chat-uuid';
  const script = document.currentScript;
  const [botId = '', customerId = ''] = (script?.textContent ?? '').split(',').map((s) => s.trim());

  const TEXT = {
    en: {
      bubble: 'Chat with us',
      title: 'Hearth & Crumb assistant',
      badge: 'stand-in for eleapi.js',
      hello:
        'Hi! Ask me about today’s bakes, or leave your details and a baker will call you back.',
      details: 'Leave my contact details',
      close: 'Close chat',
      session: 'Chat session',
    },
    es: {
      bubble: 'Chatea con nosotros',
      title: 'Asistente de Hearth & Crumb',
      badge: 'sustituto de eleapi.js',
      hello: '¡Hola! Pregúntame por la hornada de hoy o déjanos tus datos y te llamamos.',
      details: 'Dejar mis datos de contacto',
      close: 'Cerrar chat',
      session: 'Sesión de chat',
    },
    ar: {
      bubble: 'تحدث معنا',
      title: 'مساعد هيرث آند كرامب',
      badge: 'بديل تجريبي لـ eleapi.js',
      hello: 'مرحبًا! اسألني عن مخبوزات اليوم، أو اترك بياناتك وسيتصل بك خبّاز.',
      details: 'اترك بيانات الاتصال',
      close: 'إغلاق المحادثة',
      session: 'جلسة المحادثة',
    },
  };
  const lang = document.documentElement.lang.slice(0, 2);
  const t = TEXT[lang] ?? TEXT.en;

  const CSS = `
    :host { all: initial; position: fixed; inset-block-end: 20px; inset-inline-end: 20px;
      z-index: 2147482000; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1c2430; }
    .bubble { display: flex; gap: 8px; align-items: center; border: 0; border-radius: 999px;
      padding: 12px 18px; background: #1d2a3a; color: #fff; font: inherit; font-weight: 600;
      cursor: pointer; box-shadow: 0 6px 20px rgb(0 0 0 / 0.25); }
    .bubble:focus-visible, button:focus-visible { outline: 3px solid #6aa0ff; outline-offset: 2px; }
    .dot { width: 10px; height: 10px; border-radius: 50%; background: #4cd37a; }
    .chat { display: none; margin-inline-start: auto; width: min(320px, calc(100vw - 40px)); margin-block-end: 12px;
      border-radius: 14px; background: #fff; box-shadow: 0 12px 40px rgb(0 0 0 / 0.25); overflow: hidden; }
    :host(.open) .chat { display: block; }
    header { display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 12px 14px; background: #1d2a3a; color: #fff; }
    h2 { margin: 0; font-size: 15px; }
    .badge { display: block; font-size: 12px; font-weight: 400; color: #c9d6e8; }
    .close { border: 0; background: transparent; color: #fff; font: inherit; font-size: 20px; cursor: pointer; }
    .body { padding: 14px; display: grid; gap: 10px; }
    .msg { margin: 0; padding: 10px 12px; border-radius: 12px; background: #eef2f7; }
    .session { margin: 0; font-size: 12px; color: #4a5563; overflow-wrap: anywhere; }
    .details { justify-self: start; border: 1px solid #1d2a3a; border-radius: 999px; padding: 8px 14px;
      background: #fff; color: #1d2a3a; font: inherit; cursor: pointer; }
  `;

  // The real messenger creates the UUID when the visitor opens the bot, not at page load.
  const sessionUuid = () => {
    try {
      const existing = sessionStorage.getItem(UUID_KEY);
      if (existing) return existing;
      const created = crypto.randomUUID();
      sessionStorage.setItem(UUID_KEY, created);
      return created;
    } catch {
      return crypto.randomUUID();
    }
  };

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };

  const host = el('div', { id: 'eleapi-messenger-stand-in' });
  host.dataset.botId = botId;
  host.dataset.customerId = customerId;
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];

  const session = el('p', { className: 'session' });
  const details = el('button', { type: 'button', className: 'details', textContent: t.details });
  const closeButton = el('button', { type: 'button', className: 'close', textContent: '×' });
  closeButton.setAttribute('aria-label', t.close);
  const chat = el(
    'section',
    { className: 'chat', id: 'chat' },
    el(
      'header',
      {},
      el(
        'h2',
        { id: 'chat-title' },
        t.title,
        el('span', { className: 'badge', textContent: t.badge }),
      ),
      closeButton,
    ),
    el(
      'div',
      { className: 'body' },
      el('p', { className: 'msg', textContent: t.hello }),
      details,
      session,
    ),
  );
  chat.setAttribute('aria-labelledby', 'chat-title');
  const bubble = el(
    'button',
    { type: 'button', className: 'bubble' },
    el('span', { className: 'dot' }),
    t.bubble,
  );
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-controls', 'chat');
  root.append(chat, bubble);

  const setOpen = (open) => {
    host.classList.toggle('open', open);
    bubble.setAttribute('aria-expanded', String(open));
    if (open) {
      session.textContent = `${t.session}: ${sessionUuid()}`;
      closeButton.focus();
    } else {
      bubble.focus();
    }
  };

  bubble.addEventListener('click', () => setOpen(!host.classList.contains('open')));
  closeButton.addEventListener('click', () => setOpen(false));
  chat.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  details.addEventListener('click', () => {
    setOpen(false);
    window.EleapiLeads?.open?.();
  });

  document.body.append(host);
})();
