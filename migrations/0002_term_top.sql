-- Precomputed top candidates of frequent words: a word in a large share of the corpus is otherwise
-- ranked by scoring every statement that has it, which grows with the corpus. For each frequent
-- index term, as an exact word ("t") and as a prefix ("t"*) (the FTS5 query a one-word search
-- makes), the best TOP_K statements as a search ranks them (`raw`: bm25() times the narration
-- boost, ties in article order) and the number of statements that match.
-- Rebuilt by `npm run d1:load` whenever the build changes (meta 'top_build' names the build they
-- were computed on; the backend uses them only when that is the build it serves).
CREATE TABLE term_top (
  query TEXT NOT NULL,
  rank INTEGER NOT NULL,
  rid INTEGER NOT NULL,
  raw REAL NOT NULL,
  PRIMARY KEY (query, rank)
) WITHOUT ROWID;
CREATE TABLE term_top_totals (query TEXT PRIMARY KEY, total INTEGER NOT NULL) WITHOUT ROWID;
