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
      // Notes hold what the visitor wrote ("Message: …"); line breaks kept by the stylesheet.
      el('td', { className: 'notes', textContent: lead.notes || '—' }),
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
        ...(rows.length ? rows : [emptyRow(7, 'No leads on this page.')]),
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
    loadTotal();
  };

  // The listing has no count: the server walks every page for it, after the page is shown.
  const loadTotal = async () => {
    try {
      const { total } = await getJson('/admin/leads/total');
      $('leads-total').textContent = `${total} lead${total === 1 ? '' : 's'} in all`;
    } catch (error) {
      $('leads-total').textContent = `Total unknown: ${error.message}`;
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
      // The count is the relay's, over every row; the list may be cut at its limit. "None" is
      // said only when the relay counts none.
      const fill = (state, body) => {
        const rows = body.rows.map((row) => outboxRow(row, state));
        const counted = body.counts?.[state];
        const total = typeof counted === 'number' ? counted : rows.length;
        const none =
          state === 'pending' ? 'Nothing waiting: eleapi has every lead.' : 'No dead letters.';
        const more = total - rows.length;
        const extra = more > 0 ? [emptyRow(4, `…and ${more} more not listed here.`)] : [];
        $(`${state}-body`).replaceChildren(
          ...(total === 0 ? [emptyRow(4, none)] : [...rows, ...extra]),
        );
        $(`${state}-count`).textContent = String(total);
        return total;
      };
      fill('pending', pending);
      $('outbox-retry').disabled = fill('dead', dead) === 0;
    } catch (error) {
      // Unknown is not zero: the counts and tables say so instead of keeping a stale "none".
      for (const state of ['pending', 'dead']) {
        $(`${state}-count`).textContent = '?';
        $(`${state}-body`).replaceChildren(emptyRow(4, 'Not known: the outbox did not load.'));
      }
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
