package store

// migrations holds the schema, one step per version. The database's
// PRAGMA user_version says how many steps have been applied; Open applies
// the rest in order, each in its own transaction. Never edit a step that
// has shipped: add a new one.
var migrations = []string{
	// 1: sources, documents, import problems.
	`
CREATE TABLE sources (
	id             INTEGER PRIMARY KEY,
	location       TEXT NOT NULL UNIQUE,      -- absolute file path, "-" for stdin, or a URL
	name           TEXT NOT NULL,             -- namespace of the document keys, e.g. "amazon"
	format         TEXT NOT NULL,             -- e.g. amazon-2023, finefood-csv, crawl
	kind           TEXT NOT NULL,             -- review | comment
	first_seen_at  TEXT NOT NULL,
	last_run_at    TEXT NOT NULL,
	last_status    TEXT NOT NULL,             -- running | done | interrupted | failed
	rows_new       INTEGER NOT NULL DEFAULT 0, -- counts of the last run
	rows_duplicate INTEGER NOT NULL DEFAULT 0,
	rows_skipped   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
	id                 INTEGER PRIMARY KEY,
	doc_key            INTEGER NOT NULL UNIQUE, -- hash of source name + external id (or content)
	source_id          INTEGER NOT NULL REFERENCES sources(id),
	external_id        TEXT NOT NULL,
	kind               TEXT NOT NULL CHECK (kind IN ('review', 'comment')),
	product_id         TEXT NOT NULL DEFAULT '',
	author             TEXT NOT NULL DEFAULT '',
	rating             REAL CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)),
	title              TEXT NOT NULL DEFAULT '',
	text               TEXT NOT NULL,
	posted_at          INTEGER,                 -- unix seconds, UTC
	helpful_votes      INTEGER NOT NULL DEFAULT 0,
	verified           INTEGER NOT NULL DEFAULT 0,
	parent_external_id TEXT NOT NULL DEFAULT '', -- the comment or review a reply answers
	url                TEXT NOT NULL DEFAULT '',
	line               INTEGER NOT NULL DEFAULT 0 -- line in the source file where the row started
);
CREATE INDEX documents_product ON documents(product_id);
CREATE INDEX documents_source ON documents(source_id);

CREATE TABLE import_problems (
	id        INTEGER PRIMARY KEY,
	source_id INTEGER NOT NULL REFERENCES sources(id),
	url       TEXT NOT NULL DEFAULT '', -- the page, for crawled sources
	line      INTEGER NOT NULL,   -- 0 when the problem is about the whole source or page
	reason    TEXT NOT NULL,
	action    TEXT NOT NULL,      -- skipped (row not stored) | kept (row stored, a field dropped)
	excerpt   TEXT NOT NULL DEFAULT '',
	UNIQUE (source_id, url, line, reason)
);
`,
	// 2: analysis results, one row per sentence, and which documents were
	// analyzed with which lexicon version.
	`
CREATE TABLE analyses (
	document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	lexicon_version TEXT NOT NULL,
	analyzed_at     TEXT NOT NULL,
	sentences       INTEGER NOT NULL
);

CREATE TABLE sentences (
	id              INTEGER PRIMARY KEY,
	document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,  -- 0-based index in the document
	start           INTEGER NOT NULL,  -- byte offsets in documents.text
	end             INTEGER NOT NULL,
	text            TEXT NOT NULL,
	polarity_score  REAL NOT NULL,     -- [-1, 1]
	polarity        TEXT NOT NULL CHECK (polarity IN ('pain', 'gain', 'neutral')),
	outcomes        TEXT NOT NULL DEFAULT '', -- comma-separated functional,emotional,social
	functional      REAL NOT NULL DEFAULT 0,  -- evidence weight per dimension
	emotional       REAL NOT NULL DEFAULT 0,
	social          REAL NOT NULL DEFAULT 0,
	evidence        TEXT NOT NULL DEFAULT '', -- comma-separated dimension:term and pain:/gain: cues
	job             TEXT NOT NULL DEFAULT '',
	situation       TEXT NOT NULL DEFAULT '',
	journey_stage   TEXT NOT NULL DEFAULT '',
	alternative     TEXT NOT NULL DEFAULT '',
	UNIQUE (document_id, position)
);
CREATE INDEX sentences_polarity ON sentences(polarity);
`,
	// 3: sentences keyed by (document_id, position) without a rowid: one
	// B-tree instead of a table and a unique index, which halves the write
	// cost of analyze. The polarity index goes: reports reach sentences
	// through their documents. Analyses are cleared so the next analyze
	// fills the new table.
	`
DROP TABLE sentences;
DELETE FROM analyses;
CREATE TABLE sentences (
	document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,  -- 0-based index in the document
	start           INTEGER NOT NULL,  -- byte offsets in documents.text
	end             INTEGER NOT NULL,
	text            TEXT NOT NULL,
	polarity_score  REAL NOT NULL,     -- [-1, 1]
	polarity        TEXT NOT NULL CHECK (polarity IN ('pain', 'gain', 'neutral')),
	outcomes        TEXT NOT NULL DEFAULT '', -- comma-separated functional,emotional,social
	functional      REAL NOT NULL DEFAULT 0,  -- evidence weight per dimension
	emotional       REAL NOT NULL DEFAULT 0,
	social          REAL NOT NULL DEFAULT 0,
	evidence        TEXT NOT NULL DEFAULT '', -- comma-separated dimension:term and pain:/gain: cues
	job             TEXT NOT NULL DEFAULT '',
	situation       TEXT NOT NULL DEFAULT '',
	journey_stage   TEXT NOT NULL DEFAULT '',
	alternative     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
`,
	// 4: corpus term counts for tag-cloud keyness, rebuilt by the reports
	// when the analyses change (report_cache holds what they were built
	// from).
	`
CREATE TABLE term_counts (
	key        TEXT PRIMARY KEY,  -- folded word or two-word phrase
	surface    TEXT NOT NULL,     -- its most frequent written form
	n          INTEGER NOT NULL,  -- occurrences in all sentences
	sentences  INTEGER NOT NULL,  -- sentences it occurs in
	pain       INTEGER NOT NULL,  -- occurrences in pain sentences
	gain       INTEGER NOT NULL   -- occurrences in gain sentences
) WITHOUT ROWID;
CREATE TABLE report_cache (
	name   TEXT PRIMARY KEY,
	stamp  TEXT NOT NULL
);
`,
	// 5: the polarity CHECK written as comparisons instead of IN: SQLite
	// evaluates the IN list far more slowly, a sixth of the cost of
	// storing a sentence. Same columns, key and rows.
	`
CREATE TABLE sentences_v5 (
	document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,  -- 0-based index in the document
	start           INTEGER NOT NULL,  -- byte offsets in documents.text
	end             INTEGER NOT NULL,
	text            TEXT NOT NULL,
	polarity_score  REAL NOT NULL,     -- [-1, 1]
	polarity        TEXT NOT NULL CHECK (polarity = 'pain' OR polarity = 'gain' OR polarity = 'neutral'),
	outcomes        TEXT NOT NULL DEFAULT '', -- comma-separated functional,emotional,social
	functional      REAL NOT NULL DEFAULT 0,  -- evidence weight per dimension
	emotional       REAL NOT NULL DEFAULT 0,
	social          REAL NOT NULL DEFAULT 0,
	evidence        TEXT NOT NULL DEFAULT '', -- comma-separated dimension:term and pain:/gain: cues
	job             TEXT NOT NULL DEFAULT '',
	situation       TEXT NOT NULL DEFAULT '',
	journey_stage   TEXT NOT NULL DEFAULT '',
	alternative     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
INSERT INTO sentences_v5 SELECT * FROM sentences;
DROP TABLE sentences;
ALTER TABLE sentences_v5 RENAME TO sentences;
`,
	// 6: the process that runs a source, so that a run killed without a
	// word (kill -9, a power cut) is shown as interrupted, not running.
	`
ALTER TABLE sources ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
`,
	// 7: how many reviewers use each term, for tag clouds that count
	// customers.
	`
ALTER TABLE term_counts ADD COLUMN reviewers INTEGER NOT NULL DEFAULT 0;
`,
	// 8: the aspect terms of a sentence, found the first time a report
	// needs them (tagging every sentence at analyze would halve its speed)
	// and kept while the sentence and the lexicon version stay the same.
	`
CREATE TABLE sentence_aspects (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	start       INTEGER NOT NULL,  -- the sentence's offsets when tagged: a re-split sentence is tagged again
	end         INTEGER NOT NULL,
	lexicons    TEXT NOT NULL,     -- lexicon version the terms were found with
	terms       TEXT NOT NULL,     -- comma-separated aspect terms, lower case; '' for none
	PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
`,
	// 9: which documents have been tagged (with which lexicons), and only
	// the sentences that name a term: most name none, and a row for each
	// made the first report over 100,000 reviews write half a million rows.
	// A document analyzed again is tagged again (its mark goes with its
	// analysis).
	`
DROP TABLE sentence_aspects;
CREATE TABLE aspect_tagging (
	document_id INTEGER PRIMARY KEY REFERENCES analyses(document_id) ON DELETE CASCADE,
	lexicons    TEXT NOT NULL      -- lexicon version the terms were found with
);
CREATE TABLE sentence_aspects (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	start       INTEGER NOT NULL,  -- the sentence's offsets when tagged
	end         INTEGER NOT NULL,
	terms       TEXT NOT NULL,     -- comma-separated aspect terms, lower case, never empty
	PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
`,
	// 10: who the customer is, what moved them and where they met the
	// product: the segment words, the switching force and the touchpoint
	// of each sentence. Sentences analyzed before have them empty until
	// analyzed again (analyze --force).
	`
ALTER TABLE sentences ADD COLUMN segment TEXT NOT NULL DEFAULT '';
ALTER TABLE sentences ADD COLUMN force TEXT NOT NULL DEFAULT '';
ALTER TABLE sentences ADD COLUMN touchpoint TEXT NOT NULL DEFAULT '';
`,
	// 11: the language of each document (en, zh-Hant, zh-Hans, other), told
	// at import; documents imported before are "" (read as English).
	`
ALTER TABLE documents ADD COLUMN lang TEXT NOT NULL DEFAULT '';
`,
}
