#!/usr/bin/env bash
# Rebuilds lexicons/en/learned.tsv, the built-in learned layer, from the rated English review data in
# ../shared/data (see its README), leaving out every review that holds a sentence of the project's real
# labelled sets (they are the evaluation data). Run from the repository root:
#   bash lexicons/learn-shared.sh
set -euo pipefail
cd "$(dirname "$0")/.."
D=${SHARED_DATA:-../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/jobminer" ./cmd/jobminer
db="$tmp/rated.db"
"$tmp/jobminer" import --db "$db" --quiet \
  "$D"/amazon-2018/AMAZON_FASHION_5.json.gz "$D"/amazon-2018/All_Beauty_5.json.gz \
  "$D"/amazon-2014/Musical_Instruments_5.json "$D"/amazon-finefood/Reviews.csv \
  "$D"/datafiniti/7817_1.csv "$D"/datafiniti/Datafiniti_Amazon_Consumer_Reviews_of_Amazon_Products.csv.gz \
  "$D"/amazon-us-tsv/amazon_reviews_us_Gift_Card_v1_00.tsv "$D"/trustpilot/trustpilot_reviews.csv >/dev/null || true
"$tmp/jobminer" import --db "$db" --quiet --map text=verified_reviews,rating=rating,date=date \
  "$D"/amazon-alexa/amazon_alexa.tsv >/dev/null || true
# Learning reads only the tokenizer and stop words, so the layer in place does not shape the new one.
"$tmp/jobminer" lexicon learn --db "$db" --out "$tmp/out" --quiet \
  --exclude testdata/labelled/real-dev.tsv,testdata/labelled/real-dev3.tsv,testdata/labelled/real-test.tsv,testdata/labelled/real-test2.tsv,testdata/labelled/real-dev4.tsv,testdata/labelled/real-dev5.tsv,testdata/labelled/real-dev6.tsv,testdata/labelled/real-dev7.tsv,testdata/labelled/real-test3.tsv,testdata/labelled/real-dev8.tsv,testdata/labelled/real-dev9.tsv,testdata/labelled/real-dev10.tsv,testdata/labelled/real-dev11.tsv,testdata/labelled/real-dev12.tsv,testdata/labelled/real-dev13.tsv
sed "s|from $db|from the rated English data of ../shared/data (lexicons/learn-shared.sh)|" "$tmp/out/en/learned.tsv" > lexicons/en/learned.tsv
