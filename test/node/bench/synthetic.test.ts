/** The benchmark's synthetic corpus: invented speakers never answer to a seed speaker's name or alias. */
import { describe, expect, it } from 'vitest'
import { indexCorpus, syntheticCorpus } from '../../../bench/synthetic'
import { buildCorpus } from '../../../scripts/build-data'
import { createApp } from '../../../src/app'
import { tryLoad } from '../../../src/search/load'
import { loadStore } from '../../../src/search/pack'
import { TEST_CORPUS_DATA } from '../build/test-corpus'

const { corpus: base } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
const synthetic = syntheticCorpus(base, 1000)
const store = loadStore(JSON.stringify(synthetic), indexCorpus(synthetic))
const seedSpeakerIds = new Set(base.statements.flatMap((s) => s.speakers.map((sp) => sp.id)))

describe('syntheticCorpus', () => {
  it('selects only the seed’s Blinken statements for speaker=blinken', async () => {
    const app = createApp(tryLoad(() => store))
    const res = await app.request('/v1/statements?speaker=blinken&limit=100')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { total: number; results: Array<{ speakers: Array<{ id: string }> }> }
    const blinkens = synthetic.statements.filter((s) => s.speakers.some((sp) => sp.id === 'antony-blinken'))
    // One statement in 50 is copied from the seed, so a few are Blinken's; the rest are invented speakers'.
    expect(blinkens.length).toBeGreaterThan(0)
    expect(body.total).toBe(blinkens.length)
    for (const r of body.results) expect(r.speakers.map((sp) => sp.id)).toContain('antony-blinken')
  })

  it('gives invented speakers distinct names, and no spelling a seed speaker answers to', () => {
    const invented = store.speakers.filter((s) => !seedSpeakerIds.has(s.id))
    expect(invented.length).toBeGreaterThan(100)
    expect(new Set(invented.map((s) => s.name)).size).toBe(invented.length)
    // A key (name, alias, surname) naming both an invented and a seed speaker would make a seed filter match both.
    for (const [key, ids] of store.dimensions.speaker.keys) {
      const kinds = new Set([...ids].map((id) => seedSpeakerIds.has(id)))
      expect(kinds.size, `"${key}" names both seed and invented speakers`).toBe(1)
    }
  })
})
