-- whosaid on D1: the statements, the small tables and an FTS5 index over the searched fields.
-- Written by `npm run d1:load`; read by src/search/d1/backend.ts.
--
-- The FTS5 columns hold each field's index terms as the memory backend makes them (src/search/text.ts:
-- folded, stemmed, stop words dropped, acronyms joined), separated by spaces. So the tokenizer only
-- splits on spaces and both backends find the same terms: folding and stemming happen once, in
-- TypeScript, instead of in two tokenizers that would disagree at the edges (porter vs our stemmer).

-- The build the database holds, and other single values.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- The filter spellings (every id, name, alias and surname of a speaker, topic, entity, article),
-- synonyms, the registry and the completion vocabulary, as JSON in parts under D1's 100 KB
-- statement limit. Read once per isolate.
CREATE TABLE catalog (part INTEGER PRIMARY KEY, json TEXT NOT NULL);

CREATE TABLE speakers (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE topics (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entities (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;

-- One row per article: `hash` is what the loader compares to write only new or changed articles;
-- `position` is the article's place in corpus order and `first_pos` its first statement's `pos`;
-- `summary` is its /v1/articles entry and `record` its full text and metadata.
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  position INTEGER NOT NULL,
  first_pos INTEGER NOT NULL,
  summary TEXT NOT NULL,
  record TEXT NOT NULL
) WITHOUT ROWID;

-- `rid` is the FTS5 rowid; `pos` the statement's place in corpus (article) order, the tie-breaker
-- of every sort; `phrase` the folded words of content and text (` w w w | w w `) that phrases are
-- checked against, as the memory backend checks them.
CREATE TABLE statements (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article TEXT NOT NULL,
  pos INTEGER NOT NULL,
  kind TEXT NOT NULL,
  via TEXT,
  date TEXT,
  day TEXT,
  confidence REAL,
  phrase TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX statements_pos ON statements (pos);
CREATE INDEX statements_article ON statements (article, pos);
CREATE INDEX statements_kind ON statements (kind, pos);
CREATE INDEX statements_via ON statements (via, pos) WHERE via IS NOT NULL;
CREATE INDEX statements_day ON statements (day, pos);
CREATE INDEX statements_date ON statements (date, pos);
CREATE INDEX statements_confidence ON statements (confidence);

-- Many-to-many filters and facets: each value once per statement.
CREATE TABLE statement_speakers (speaker TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (speaker, rid)) WITHOUT ROWID;
CREATE INDEX statement_speakers_rid ON statement_speakers (rid);
CREATE TABLE statement_topics (topic TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (topic, rid)) WITHOUT ROWID;
CREATE INDEX statement_topics_rid ON statement_topics (rid);
CREATE TABLE statement_entities (entity TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (entity, rid)) WITHOUT ROWID;
CREATE INDEX statement_entities_rid ON statement_entities (rid);

-- Columns in SEARCH_FIELDS order; bm25() weights them by FIELD_BOOSTS (src/search/options.ts).
-- Terms are already folded, so the tokenizer keeps every character but the space as part of a term.
CREATE VIRTUAL TABLE statements_fts USING fts5 (
  content, speaker, text, role, affiliation, topic, entity, cue,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.''&+#@/'",
  prefix = '2 3'
);
-- The vocabulary, for typo tolerance (terms within the edit distance) and document frequencies.
CREATE VIRTUAL TABLE statements_terms USING fts5vocab (statements_fts, row);
CREATE VIRTUAL TABLE statements_field_terms USING fts5vocab (statements_fts, col);
