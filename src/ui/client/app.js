// @ts-check
/** The browser script of the web pages: search as you type, facet chips as toggle buttons, and /read's map. */

/**
 * Runs in the browser as `(main)(createShared())` (see `src/ui/assets.ts`), so it imports nothing and
 * must reference nothing outside its body. It talks to the public API exactly as any other front
 * end would, and builds every element with DOM calls: text only ever goes in as text nodes.
 *
 * @param {import('../draw').Shared} shared
 */
export function main(shared) {
  const FACETS = ['speaker', 'kind', 'topic']
  const FACET_TITLES = { speaker: 'Speaker', kind: 'Kind', topic: 'Topic' }
  const DEBOUNCE_MS = 200
  const PAGE_SIZE = 20

  /**
   * An element with attributes (null and false leave one out) and children (strings become text).
   * @param {string} tag
   * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
   * @param {(Node | string | null | undefined | false)[]} children
   * @returns {HTMLElement}
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attrs ?? {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value))
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child)
    return node
  }

  /** @param {Response} res */
  async function problemDetail(res) {
    try {
      const body = await res.json()
      return typeof body.detail === 'string' ? body.detail : `the server answered ${res.status}`
    } catch {
      return `the server answered ${res.status}`
    }
  }

  // ---- The article map, as the server draws it in src/ui/components.tsx (ArticleText, Legend). ----

  /** @param {import('../draw').ArticleMap} map */
  function legendOf(map) {
    const items = map.legend.map((e) =>
      el(
        'li',
        { class: `sp-${e.slot}` },
        el('span', { class: 'badge', 'aria-hidden': 'true' }, e.initials),
        el('span', {}, e.name),
        el('span', { class: 'count' }, `(${e.count} ${e.count === 1 ? 'statement' : 'statements'})`),
      ),
    )
    items.push(el('li', {}, el('span', { class: 'plain', 'aria-hidden': 'true' }), ' plain text: narration'))
    return el('ul', { class: 'legend', 'aria-label': 'Speakers in this text' }, ...items)
  }

  /** @param {import('../draw').ArticleMap} map */
  function articleTextOf(map) {
    const paragraphs = map.paragraphs.map((para) => {
      const pieces = para.pieces.map((piece) => {
        if (!piece.statement) return piece.text
        const badge = el('span', { class: 'badge', 'data-tip': piece.tip, 'aria-hidden': 'true' }, piece.badge)
        const cls = `span sp-${piece.slot === -1 ? 'x' : piece.slot}`
        return el('span', { class: cls, title: piece.tip, tabindex: 0 }, badge, piece.text)
      })
      return el('p', { id: `p${para.index}` }, ...pieces)
    })
    return el('div', { class: 'article-text', id: 'map' }, ...paragraphs)
  }

  // ---- /read: the pasted text goes to POST /v1/extract; the answer is drawn in place. ----

  /** @param {HTMLFormElement} form */
  function initRead(form) {
    const box = /** @type {HTMLElement} */ (document.getElementById('read-result'))
    const textarea = /** @type {HTMLTextAreaElement} */ (form.querySelector('textarea'))
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      const text = textarea.value
      const status = el('p', { class: 'status', role: 'status' }, 'Reading…')
      box.replaceChildren(status)
      const res = await fetch('/v1/extract', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text }),
      }).catch(() => null)
      if (!res?.ok) {
        const why = res ? await problemDetail(res) : 'the network failed'
        box.replaceChildren(el('p', { class: 'error', role: 'alert' }, `Could not read the text: ${why}.`))
        return
      }
      const body = await res.json()
      const map = shared.mapArticle(text, shared.paragraphSpans(text), body.statements)
      const attributed = body.statements.filter((/** @type {{ kind: string }} */ s) => s.kind !== 'narration').length
      box.replaceChildren(
        el('h2', { id: 'map-title' }, 'Who said what'),
        el(
          'p',
          { class: 'status', role: 'status' },
          `${attributed} attributed ${attributed === 1 ? 'statement' : 'statements'} found.`,
        ),
        legendOf(map),
        articleTextOf(map),
      )
    })
  }

  // ---- The search page: the same markup as src/ui/search-page.tsx, from /v1/search. ----

  /** @typedef {{ q: string, offset: number, filters: Record<string, string[]> }} SearchState */

  /** @param {URLSearchParams} params @returns {SearchState} */
  function readState(params) {
    /** @type {Record<string, string[]>} */
    const filters = {}
    for (const f of FACETS)
      filters[f] = params
        .getAll(f)
        .flatMap((v) => v.split(','))
        .filter(Boolean)
    return { q: params.get('q') ?? '', offset: Number(params.get('offset')) || 0, filters }
  }

  /** The page's own URL for a state: what a person shares. @param {SearchState} state @param {number} [offset] */
  function pageUrl(state, offset = state.offset) {
    const params = new URLSearchParams()
    if (state.q) params.set('q', state.q)
    for (const f of FACETS) for (const v of state.filters[f] ?? []) params.append(f, v)
    if (offset > 0) params.set('offset', String(offset))
    const query = params.toString()
    return query ? `/?${query}` : '/'
  }

  /** @param {SearchState} state */
  function hasFilters(state) {
    return FACETS.some((f) => (state.filters[f] ?? []).length > 0)
  }

  /** @type {Promise<Map<string, string>> | null} */
  let titles = null
  function articleTitles() {
    titles ??= fetch('/v1/articles?limit=100', { headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : { results: [] }))
      .then((body) => new Map(body.results.map((/** @type {{ id: string, title: string }} */ a) => [a.id, a.title])))
      .catch(() => new Map())
    return titles
  }

  /** @param {any} r @param {Map<string, string>} titleOf */
  function resultOf(r, titleOf) {
    const marked = shared
      .markPieces(r.content, r.highlights ?? [], 'content')
      .map((p) => (p.mark ? el('mark', {}, p.text) : p.text))
    /** @type {(Node | string)[]} */
    const who = []
    r.speakers.forEach((/** @type {any} */ s, /** @type {number} */ i) => {
      if (i > 0) who.push(' and ')
      who.push(el('a', { class: 'speaker', href: `/?speaker=${encodeURIComponent(s.id)}` }, s.name))
      if (s.role) who.push(`, ${s.role}`)
    })
    const article = encodeURIComponent(r.article)
    return el(
      'li',
      { class: 'result' },
      el('blockquote', { cite: `/s/${r.id}` }, el('p', {}, ...marked)),
      el(
        'p',
        { class: 'meta' },
        el('span', { class: `kind kind-${r.kind}`, title: shared.kindLabel(r.kind) }, r.kind),
        who.length > 0 ? el('span', {}, ...who) : r.kind === 'narration' ? null : el('span', {}, 'unnamed speaker'),
        r.via ? el('span', {}, `via ${r.via.name}`) : null,
        r.cue ? el('span', {}, `cue “${r.cue}”`) : null,
        el(
          'span',
          {},
          el('a', { href: `/articles/${article}#p${r.paragraph}` }, titleOf.get(r.article) ?? r.article),
          `, paragraph ${r.paragraph}, sentence ${r.sentence}`,
        ),
        el(
          'a',
          { href: `/s/${encodeURIComponent(r.id)}`, 'aria-label': `Permalink to this statement (${r.id})` },
          'Permalink',
        ),
      ),
    )
  }

  /** @param {HTMLFormElement} form */
  function initSearch(form) {
    const input = /** @type {HTMLInputElement} */ (form.querySelector('input[name=q]'))
    const status = /** @type {HTMLElement} */ (document.getElementById('status'))
    const resultsBox = /** @type {HTMLElement} */ (document.getElementById('results-box'))
    const facetsBox = /** @type {HTMLElement} */ (document.getElementById('facets-box'))
    const datalist = document.getElementById('suggestions')
    // The server wrote the filters as ids into hidden inputs (the URL may say `blinken`); with
    // JavaScript, `state` carries them instead of the form.
    const hidden = /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll('input[type=hidden]')])
    const params = new URLSearchParams(hidden.map((h) => [h.name, h.value]))
    params.set('q', input.value)
    params.set('offset', new URL(location.href).searchParams.get('offset') ?? '0')
    const state = readState(params)
    for (const h of hidden) h.remove()

    /** @param {{ facet: string, label: string, value: string, count: number }[]} chips @param {string} facet */
    function chipGroup(facet, chips) {
      const heading = el('h2', { id: `facet-${facet}` }, /** @type {any} */ (FACET_TITLES)[facet])
      const items = chips.map((c) => {
        const on = (state.filters[facet] ?? []).includes(c.value)
        const button = el(
          'button',
          { type: 'button', class: 'chip', 'aria-pressed': String(on), 'data-facet': facet, 'data-value': c.value },
          c.label,
          ' ',
          el('span', { class: 'count' }, String(c.count)),
        )
        return el('li', {}, button)
      })
      return [heading, el('ul', { class: 'chips', 'aria-labelledby': `facet-${facet}` }, ...items)]
    }

    /** @param {Record<string, { value: string, label: string, count: number }[]>} facets */
    function renderFacets(facets) {
      const focused = /** @type {HTMLElement | null} */ (document.activeElement?.closest('[data-facet]') ?? null)
      const groups = FACETS.flatMap((facet) => {
        const chips = (facets[facet] ?? []).map((c) => ({ ...c, facet }))
        // A chosen value stays on screen even when nothing matches now, so it can be turned off.
        for (const value of state.filters[facet] ?? []) {
          if (!chips.some((c) => c.value === value)) chips.unshift({ facet, value, label: value, count: 0 })
        }
        return chips.length > 0 ? chipGroup(facet, chips) : []
      })
      facetsBox.replaceChildren(el('nav', { class: 'facets', id: 'facets', 'aria-label': 'Filters' }, ...groups))
      if (focused) {
        const again = [...facetsBox.querySelectorAll('[data-facet]')].find(
          (b) =>
            b.getAttribute('data-facet') === focused.dataset.facet &&
            b.getAttribute('data-value') === focused.dataset.value,
        )
        if (again instanceof HTMLElement) again.focus()
      }
    }

    /** @param {any} body @param {Map<string, string>} titleOf */
    function renderResults(body, titleOf) {
      const shown = `“${state.q}”${hasFilters(state) ? ' with these filters' : ''}`
      status.textContent =
        body.total === 0
          ? `No statements match ${shown}.`
          : `${body.total} ${body.total === 1 ? 'statement matches' : 'statements match'} ${state.q ? shown : 'these filters'}.`
      /** @type {(Node | null)[]} */
      const parts = []
      if (body.relaxed) {
        parts.push(el('p', { class: 'notice' }, 'No statement has every word; these have some of them.'))
      }
      if (body.total === 0) {
        const offers = []
        if (body.did_you_mean) {
          const href = pageUrl({ ...state, q: body.did_you_mean }, 0)
          offers.push(el('p', {}, 'Did you mean ', el('a', { href, rel: 'nofollow' }, body.did_you_mean), '?'))
        }
        if (hasFilters(state)) {
          const href = pageUrl({ ...state, filters: {} }, 0)
          offers.push(el('p', {}, el('a', { href }, `Search for “${state.q}” without filters`)))
        }
        parts.push(el('div', { class: 'empty' }, ...offers))
      }
      parts.push(
        el(
          'ol',
          { class: 'results', id: 'results' },
          ...body.results.map((/** @type {any} */ r) => resultOf(r, titleOf)),
        ),
      )
      const pager = []
      if (state.offset > 0) {
        const prev = Math.max(0, state.offset - PAGE_SIZE)
        pager.push(el('a', { href: pageUrl(state, prev), 'data-offset': prev, rel: 'prev' }, 'Previous'))
      }
      if (state.offset + PAGE_SIZE < body.total) {
        const next = state.offset + PAGE_SIZE
        pager.push(el('a', { href: pageUrl(state, next), 'data-offset': next, rel: 'next' }, 'Next'))
      }
      if (pager.length > 0) parts.push(el('nav', { class: 'pager', 'aria-label': 'Pages' }, ...pager))
      resultsBox.replaceChildren(...parts.filter((p) => p !== null))
    }

    /** @type {AbortController | null} */
    let inflight = null
    async function run() {
      inflight?.abort()
      const controller = new AbortController()
      inflight = controller
      history.replaceState(null, '', pageUrl(state))
      if (!state.q.trim() && !hasFilters(state)) {
        status.textContent = ''
        resultsBox.replaceChildren()
        facetsBox.replaceChildren()
        document.getElementById('intro')?.removeAttribute('hidden')
        return
      }
      document.getElementById('intro')?.setAttribute('hidden', '')
      const params = new URLSearchParams()
      if (state.q.trim()) params.set('q', state.q)
      for (const f of FACETS) for (const v of state.filters[f] ?? []) params.append(f, v)
      params.set('facets', FACETS.join(','))
      params.set('limit', String(PAGE_SIZE))
      if (state.offset > 0) params.set('offset', String(state.offset))
      const path = state.q.trim() ? '/v1/search' : '/v1/statements'
      try {
        const [res, titleOf] = await Promise.all([
          fetch(`${path}?${params}`, { headers: { Accept: 'application/json' }, signal: controller.signal }),
          articleTitles(),
        ])
        if (controller !== inflight) return
        if (!res.ok) {
          status.textContent = `Cannot search: ${await problemDetail(res)}.`
          return
        }
        const body = await res.json()
        if (controller !== inflight) return
        renderFacets(body.facets ?? {})
        renderResults(body, titleOf)
      } catch (error) {
        if (/** @type {Error} */ (error).name !== 'AbortError')
          status.textContent = 'Cannot search: the network failed.'
      }
    }

    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer
    async function suggest() {
      const q = input.value.trim()
      if (!datalist || q.length < 2) return
      const res = await fetch(`/v1/suggest?q=${encodeURIComponent(q)}`, { headers: { Accept: 'application/json' } })
      if (!res.ok || input.value.trim() !== q) return
      const body = await res.json()
      datalist.replaceChildren(
        ...body.suggestions.map((/** @type {{ text: string }} */ s) => el('option', { value: s.text })),
      )
    }
    input.addEventListener('input', () => {
      state.q = input.value
      state.offset = 0
      clearTimeout(timer)
      timer = setTimeout(() => {
        run()
        suggest().catch(() => {})
      }, DEBOUNCE_MS)
    })
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      clearTimeout(timer)
      state.q = input.value
      state.offset = 0
      run()
    })
    facetsBox.addEventListener('click', (event) => {
      const chip = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-facet]'))
      if (!chip) return
      event.preventDefault()
      const facet = chip.dataset.facet ?? ''
      const value = chip.dataset.value ?? ''
      const chosen = state.filters[facet] ?? []
      state.filters[facet] = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]
      state.offset = 0
      run()
    })
    resultsBox.addEventListener('click', (event) => {
      const link = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-offset]'))
      if (!link) return
      event.preventDefault()
      state.offset = Number(link.dataset.offset) || 0
      run().then(() => window.scrollTo(0, 0))
    })
    // The server drew the results and the chips as links; redraw them as buttons from the API.
    if (state.q.trim() || hasFilters(state)) run()
  }

  const searchForm = document.getElementById('search')
  if (searchForm instanceof HTMLFormElement) initSearch(searchForm)
  const readForm = document.getElementById('read')
  if (readForm instanceof HTMLFormElement) initRead(readForm)
}
