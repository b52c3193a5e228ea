/**
 * A small hand-written SVG chart for bench/RESULTS.md: panels of lines against corpus size on a
 * log x axis (and a log y axis where values span decades), with an optional dashed limit line.
 * No dependencies.
 */

export interface Series {
  name: string
  /** y for each x; null where not measured. */
  values: Array<number | null>
  dashed?: boolean
}

export interface Panel {
  title: string
  unit: string
  logY?: boolean
  series: Series[]
  /** A horizontal limit line, e.g. 128 MB. */
  limit?: { value: number; label: string }
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b']
const W = 340
const H = 260
const M = { left: 52, right: 12, top: 28, bottom: 74 }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toPrecision(1))
const sizeLabel = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))

function niceTicks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = []
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e)
    return out
  }
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 4 || 1))
  const mult = [1, 2, 5, 10].find((m) => (hi - lo) / (step * m) <= 6) ?? 10
  const s = step * mult
  const out: number[] = []
  for (let v = Math.floor(lo / s) * s; v <= hi + s / 2; v += s) out.push(+v.toPrecision(6))
  return out
}

function panel(p: Panel, xs: number[], ox: number): string {
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const ys = p.series.flatMap((s) => s.values.filter((v): v is number => v !== null && v > 0))
  if (p.limit) ys.push(p.limit.value)
  let lo = p.logY ? Math.min(...ys) : 0
  let hi = Math.max(...ys, 1e-3)
  if (p.logY) {
    lo = 10 ** Math.floor(Math.log10(lo))
    hi = 10 ** Math.ceil(Math.log10(hi))
  } else hi *= 1.1
  const ticks = niceTicks(lo, hi, !!p.logY)
  hi = Math.max(hi, ticks[ticks.length - 1]!)
  const fx = (x: number) =>
    ox +
    M.left +
    (xs.length === 1
      ? pw / 2
      : ((Math.log10(x) - Math.log10(xs[0]!)) / (Math.log10(xs[xs.length - 1]!) - Math.log10(xs[0]!))) * pw)
  const fy = (y: number) =>
    M.top +
    ph -
    (p.logY ? (Math.log10(y) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (y - lo) / (hi - lo)) * ph
  const out: string[] = []
  out.push(
    `<text x="${ox + M.left + pw / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(p.title)} (${esc(p.unit)})</text>`,
  )
  out.push(
    `<rect x="${ox + M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#999" stroke-width="0.5"/>`,
  )
  for (const t of ticks) {
    if (t < lo || t > hi) continue
    const y = fy(t).toFixed(1)
    out.push(
      `<line x1="${ox + M.left}" x2="${ox + M.left + pw}" y1="${y}" y2="${y}" stroke="#ddd" stroke-width="0.5"/>`,
    )
    out.push(`<text x="${ox + M.left - 4}" y="${y}" dy="3" text-anchor="end">${num(t)}</text>`)
  }
  for (const x of xs) {
    out.push(`<text x="${fx(x).toFixed(1)}" y="${M.top + ph + 14}" text-anchor="middle">${sizeLabel(x)}</text>`)
  }
  out.push(`<text x="${ox + M.left + pw / 2}" y="${M.top + ph + 28}" text-anchor="middle">statements</text>`)
  if (p.limit && p.limit.value >= lo && p.limit.value <= hi) {
    const y = fy(p.limit.value).toFixed(1)
    out.push(
      `<line x1="${ox + M.left}" x2="${ox + M.left + pw}" y1="${y}" y2="${y}" stroke="#000" stroke-dasharray="2 3"/>`,
    )
    out.push(`<text x="${ox + M.left + 4}" y="${y}" dy="-3">${esc(p.limit.label)}</text>`)
  }
  p.series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length]
    const pts = xs
      .map((x, i) => [x, s.values[i]] as const)
      .filter((pt): pt is readonly [number, number] => pt[1] !== null && pt[1] !== undefined && pt[1] > 0)
    if (pts.length > 1) {
      const d = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${fx(x).toFixed(1)},${fy(y).toFixed(1)}`).join(' ')
      out.push(
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      )
    }
    for (const [x, y] of pts) {
      out.push(
        `<circle cx="${fx(x).toFixed(1)}" cy="${fy(y).toFixed(1)}" r="2.5" fill="${color}"><title>${esc(s.name)}: ${num(y)} ${esc(p.unit)} at ${sizeLabel(x)}</title></circle>`,
      )
    }
    const lx = ox + M.left + (k % 2) * (pw / 2)
    const ly = M.top + ph + 44 + Math.floor(k / 2) * 13
    out.push(
      `<line x1="${lx}" x2="${lx + 14}" y1="${ly - 3}" y2="${ly - 3}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 2"' : ''}/>`,
    )
    out.push(`<text x="${lx + 18}" y="${ly}">${esc(s.name)}</text>`)
  })
  return out.join('\n')
}

/** Panels side by side in one SVG. */
export function chartSvg(title: string, xs: number[], panels: Panel[]): string {
  const width = W * panels.length
  const height = H + 22
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${esc(`${panels.map((p) => p.title).join(', ')} against corpus size: ${title}`)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" fill="#555">${esc(title)}</text>`,
    ...panels.map((p, i) => `<g>\n${panel(p, xs, i * W)}\n</g>`),
    '</svg>',
    '',
  ].join('\n')
}
