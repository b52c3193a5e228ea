/** The one stylesheet of the web pages (`/ui/app.css`): fluid on phones, two columns on desktops. */

/**
 * Speaker colours, one per `.sp-N` class: a light tint behind the words and a dark shade for the
 * underline and the initials badge. Text (#1b1b1b) on every tint and white on every shade pass
 * WCAG AA; `test/browser/assets.test.ts` computes both ratios.
 */
export const SPEAKER_COLOURS: readonly { tint: string; shade: string }[] = [
  { tint: '#e3eefb', shade: '#1f5fa8' },
  { tint: '#fde7e5', shade: '#b3261e' },
  { tint: '#e2f4e8', shade: '#1b7a3d' },
  { tint: '#f1e7f8', shade: '#7b3fa0' },
  { tint: '#fdebd6', shade: '#9a4d00' },
  { tint: '#dcf2f3', shade: '#00707a' },
  { tint: '#fbe4ee', shade: '#a8285f' },
  { tint: '#eef2d6', shade: '#556400' },
  { tint: '#e6e9f7', shade: '#3949ab' },
  { tint: '#f3e9df', shade: '#7d4f26' },
  { tint: '#f7efd4', shade: '#7a5c00' },
  { tint: '#e6ecef', shade: '#455a64' },
]

/** The colour of a quote nobody is named for (`.sp-x`). */
export const UNKNOWN_COLOUR = { tint: '#ececec', shade: '#555555' }

/** Body text colour, also the text colour on every tint. */
export const TEXT_COLOUR = '#1b1b1b'

const speakerRules = [...SPEAKER_COLOURS.map((c, i) => [`sp-${i}`, c] as const), ['sp-x', UNKNOWN_COLOUR] as const]
  .map(([name, c]) => `.${name}{--tint:${c.tint};--shade:${c.shade}}`)
  .join('\n')

export const APP_CSS = `:root{--text:${TEXT_COLOUR};--muted:#555;--line:#d6d6d6;--bg:#fff;--soft:#f5f6f8;--accent:#1a56a6;--focus:#b45309;
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1.5rem;padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.site .brand{font-weight:700;font-size:1.25rem;color:var(--text);text-decoration:none}
header.site .brand span{color:var(--accent)}
header.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
footer.site{max-width:72rem;margin:2rem auto 1rem;padding:0 1rem;color:var(--muted);font-size:.875rem}
form.search{display:flex;gap:.5rem;margin-bottom:1rem}
form.search input[type=search]{flex:1;min-width:0;font:inherit;padding:.55rem .75rem;border:2px solid #767676;border-radius:.4rem}
button,.button{font:inherit;padding:.5rem 1rem;border:2px solid var(--accent);border-radius:.4rem;background:var(--accent);color:#fff;cursor:pointer}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
@media (min-width:48rem){.layout{grid-template-columns:15rem minmax(0,1fr);gap:2rem}main{padding:1.5rem 2rem}footer.site{padding:0 2rem}}
.facets h2{font-size:.95rem;margin:.75rem 0 .35rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;margin:0;padding:0}
.chip{display:inline-flex;gap:.35rem;align-items:center;font:inherit;font-size:.875rem;padding:.2rem .6rem;border:1px solid #8a8a8a;border-radius:1rem;background:#fff;color:var(--text);text-decoration:none;cursor:pointer;text-align:left}
.chip .count{color:var(--muted);font-variant-numeric:tabular-nums}
.chip[aria-pressed=true],.chip.on{background:var(--accent);border-color:var(--accent);color:#fff}
.chip[aria-pressed=true] .count,.chip.on .count{color:#fff}
.chip[aria-pressed=true]::before,.chip.on::before{content:"✓"}
.status{color:var(--muted);margin:.25rem 0 .75rem}
.notice{background:#fff8e1;border-left:4px solid #b7791f;padding:.5rem .75rem}
ol.results{list-style:none;margin:0;padding:0}
.result{border-bottom:1px solid var(--line);padding:.85rem 0}
.result blockquote{margin:0 0 .4rem;font-size:1.05rem}
mark{background:#ffe58f;color:var(--text);padding:0 .1em;border-radius:.15em}
.meta{display:flex;flex-wrap:wrap;gap:.2rem .75rem;margin:0;font-size:.875rem;color:var(--muted)}
.speaker{font-weight:600}
.kind{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:.05rem .45rem;border-radius:.25rem;border:1px solid}
.kind-direct{color:#0f5132;background:#d1e7dd}.kind-mixed{color:#4a3b00;background:#fff3cd}
.kind-indirect{color:#084298;background:#dbe8ff}.kind-narration{color:#41464b;background:#e2e3e5}
.pager{display:flex;gap:1rem;margin:1rem 0}
.empty p{margin:.25rem 0}
.examples{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
${speakerRules}
.article-text{max-width:44rem;font-size:1.075rem;line-height:1.9}
.article-text p{margin:0 0 1rem;white-space:pre-line}
.span{position:relative;color:var(--text);background:var(--tint);text-decoration:none;border-bottom:3px solid var(--shade);padding:.05em .1em}
.span:hover,.span:focus-visible{background:var(--shade);color:#fff}
.badge{display:inline-block;font-size:.65rem;font-weight:700;line-height:1;vertical-align:super;padding:.15em .3em;margin-right:.2em;border-radius:.25em;background:var(--shade);color:#fff;position:relative}
.span:hover .badge::after,.span:focus-visible .badge::after{content:attr(data-tip);position:absolute;left:0;top:calc(100% + .4rem);z-index:5;width:max-content;max-width:18rem;white-space:normal;padding:.4rem .6rem;border-radius:.3rem;background:#222;color:#fff;font-size:.8rem;font-weight:400;line-height:1.35}
@media (max-width:48rem){.span:hover .badge::after,.span:focus-visible .badge::after{position:fixed;left:.5rem;right:.5rem;top:auto;bottom:.5rem;width:auto;max-width:none;font-size:.9rem}}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:.5rem 0;margin:0 0 1rem;border-bottom:1px solid var(--line)}
.legend li{display:flex;align-items:center;gap:.35rem;font-size:.9rem}
.legend .badge{vertical-align:baseline}
.legend a{color:var(--text)}
.legend .plain{display:inline-block;width:1.6rem;height:.9rem;border:1px solid var(--line)}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;background:var(--soft)}
.card p{margin:.2rem 0}
.context p{font-size:1.075rem;line-height:1.8}
.context .this{background:#ffe58f;color:var(--text);font-weight:600}
ul.plain-list{padding-left:1.1rem}
ul.plain-list li{margin:.35rem 0}
textarea{width:100%;min-height:14rem;font:inherit;padding:.6rem;border:2px solid #767676;border-radius:.4rem}
label{font-weight:600}
.error{color:#a11;font-weight:600}
`
