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
}
