// The owner's leads page: the eleapi listing (through the relay's admin API, proxied by the
// demo server which adds the token) and the relay's outbox. DOM built with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  let page = 1;

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };

  const time = (iso) => {
    if (!iso) return el('span', { textContent: '—' });
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return el('span', { textContent: iso });
    return el('time', { dateTime: iso, textContent: when.format(date) });
  };

  const emptyRow = (columns, text) =>
    el('tr', {}, el('td', { className: 'empty', colSpan: columns, textContent: text }));

  const setStatus = (id, text, isError = false) => {
    $(id).textContent = text;
    $(id).classList.toggle('is-error', isError);
  };

  const getJson = async (path, init) => {
    const response = await fetch(path, init);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message ?? `${path} answered ${response.status}`);
    return body;
  };

  const leadRow = (lead) => {
    const phone = lead.phone_number
      ? `${lead.phone_prefix ? `+${lead.phone_prefix} ` : ''}${lead.phone_number}`
      : '';
    const tags = el('td');
    for (const tag of (lead.tags ?? '').split(';').filter(Boolean)) {
      tags.append(el('span', { className: 'tag', textContent: tag }));
    }
    return el(
      'tr',
      {},
      el('td', { textContent: lead.name || '—' }),
      el('td', { textContent: lead.email || '—' }),
      el('td', { textContent: phone || '—' }),
      tags,
      el('td', {}, el('span', { className: 'pill', textContent: lead.status || 'OPEN' })),
      el('td', {}, time(lead.updated_at || lead.created_at)),
    );
  };

  const loadLeads = async () => {
    setStatus('leads-status', 'Loading leads…');
    try {
      const body = await getJson(`/admin/leads?page=${page}`);
      const rows = body.rows.map(leadRow);
      $('leads-body').replaceChildren(
        ...(rows.length ? rows : [emptyRow(6, 'No leads on this page.')]),
      );
      $('leads-page').textContent = `Page ${page}`;
      $('leads-prev').disabled = page <= 1;
      $('leads-next').disabled = !body.hasMore;
      setStatus(
        'leads-status',
        `${rows.length} lead${rows.length === 1 ? '' : 's'} on page ${page}.`,
      );
    } catch (error) {
      setStatus('leads-status', `Could not load leads: ${error.message}`, true);
    }
  };

  $('leads-prev').addEventListener('click', () => {
    page = Math.max(1, page - 1);
    loadLeads();
  });
  $('leads-next').addEventListener('click', () => {
    page += 1;
    loadLeads();
  });
  $('leads-refresh').addEventListener('click', () => loadLeads());

  // An outbox row holds the body the relay will send upstream (until it is delivered).
  const outboxRow = (row, state) => {
    const who = row.body?.name || row.body?.email || row.uuid;
    const lead = el(
      'td',
      {},
      el('strong', { textContent: who }),
      el('br'),
      el('small', { textContent: row.uuid }),
    );
    const atMs = state === 'pending' ? row.nextAttemptAt : row.updatedAt;
    return el(
      'tr',
      {},
      lead,
      el('td', { textContent: String(row.attempts) }),
      el('td', {}, time(atMs ? new Date(atMs).toISOString() : '')),
      el('td', { className: 'error-text', textContent: row.lastError || '—' }),
    );
  };

  const loadOutbox = async () => {
    try {
      const [pending, dead] = await Promise.all([
        getJson('/admin/outbox?state=pending'),
        getJson('/admin/outbox?state=dead'),
      ]);
      const fill = (state, body) => {
        const rows = body.rows.map((row) => outboxRow(row, state));
        const empty =
          state === 'pending' ? 'Nothing waiting: eleapi has every lead.' : 'No dead letters.';
        $(`${state}-body`).replaceChildren(...(rows.length ? rows : [emptyRow(4, empty)]));
        $(`${state}-count`).textContent = String(body.counts?.[state] ?? rows.length);
      };
      fill('pending', pending);
      fill('dead', dead);
      $('outbox-retry').disabled = dead.rows.length === 0;
    } catch (error) {
      setStatus('outbox-status', `Could not load the outbox: ${error.message}`, true);
    }
  };

  $('outbox-refresh').addEventListener('click', () => {
    setStatus('outbox-status', '');
    loadOutbox();
  });
  $('outbox-retry').addEventListener('click', async () => {
    try {
      const body = await getJson('/admin/outbox/retry', { method: 'POST' });
      setStatus(
        'outbox-status',
        `${body.count} dead letter${body.count === 1 ? '' : 's'} sent again.`,
      );
    } catch (error) {
      setStatus('outbox-status', `Retry failed: ${error.message}`, true);
    }
    loadOutbox();
  });

  loadLeads();
  loadOutbox();
  // The outbox changes on its own (retries, deliveries): keep it current while the tab is open.
  setInterval(() => {
    if (document.visibilityState === 'visible') loadOutbox();
  }, 3000);
})();
