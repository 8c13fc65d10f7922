#!/usr/bin/env bash
# Rebuilds lexicons/en/polarity_model.tsv and outcome_model.tsv, the built-in sentence and outcome models,
# and lexicons/zh/polarity_model.tsv, the Chinese sentence model,
# from the project's real labelled dev sets (never a test set: real-test.tsv, real-test2.tsv and real-test3.tsv
# are scored with them, once per round). The models weigh what the rules find, so rebuild them after the rules or the
# lexicons change. Run from the repository root:
#   bash lexicons/train-shared.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
models=(lexicons/en/polarity_model.tsv lexicons/en/outcome_model.tsv lexicons/zh/polarity_model.tsv)
mkdir -p "$tmp/keep/en" "$tmp/keep/zh"
for m in "${models[@]}"; do cp "$m" "$tmp/keep/${m#lexicons/}"; done
done=no
# On any failure the shipped models are put back as they were.
trap 'if [ "$done" != yes ]; then for m in "${models[@]}"; do cp "$tmp/keep/${m#lexicons/}" "$m"; done; echo "train-shared.sh failed: the models are left as they were" >&2; fi; rm -rf "$tmp"' EXIT
# The rules' findings are computed without the model in place (they do not depend on it, but the build must
# not fail on a model of an older feature list).
printf '# Sentence model for the pain / gain / neutral verdict (classifiers/sentence_model.go); empty: the rules decide.\n' > lexicons/en/polarity_model.tsv
printf '# Outcome model (classifiers/outcome_model.go); empty: the rules decide every dimension.\n' > lexicons/en/outcome_model.tsv
printf '# Chinese sentence model for the pain / gain / neutral verdict (classifiers/chinese_model.go); empty: the rules decide.\n' > lexicons/zh/polarity_model.tsv
go build -o "$tmp/jobminer" ./cmd/jobminer
sets=(testdata/labelled/real-dev.tsv testdata/labelled/real-dev3.tsv testdata/labelled/real-dev4.tsv testdata/labelled/real-dev5.tsv testdata/labelled/real-dev6.tsv testdata/labelled/real-dev7.tsv testdata/labelled/real-dev8.tsv testdata/labelled/real-dev9.tsv testdata/labelled/real-dev10.tsv testdata/labelled/real-dev11.tsv testdata/labelled/real-dev12.tsv testdata/labelled/real-dev13.tsv testdata/labelled/real-dev14.tsv testdata/labelled/real-dev15.tsv testdata/labelled/real-dev16.tsv testdata/labelled/real-dev17.tsv)
"$tmp/jobminer" lexicon train --out "$tmp/out" --balance 0.5 "${sets[@]}"
for model in polarity_model outcome_model; do
  sed -e "s#^\# Written by \"jobminer lexicon train\" on \([0-9-]*\) from .*#\# Written by \"jobminer lexicon train\" on \1 from the real dev sets ${sets[*]} (lexicons/train-shared.sh):#" \
    "$tmp/out/en/$model.tsv" > "lexicons/en/$model.tsv"
done
zhsets=(testdata/labelled/zh-dev.tsv testdata/labelled/zh-dev2.tsv testdata/labelled/zh-dev3.tsv testdata/labelled/zh-dev4.tsv testdata/labelled/zh-dev5.tsv testdata/labelled/zh-dev6.tsv testdata/labelled/zh-dev7.tsv testdata/labelled/zh-dev8.tsv testdata/labelled/zh-dev9.tsv testdata/labelled/zh-dev10.tsv testdata/labelled/zh-dev11.tsv testdata/labelled/zh-dev12.tsv testdata/labelled/zh-dev13.tsv testdata/labelled/zh-dev14.tsv)
"$tmp/jobminer" lexicon train --lang zh --words 5 --out "$tmp/out" --balance 0.5 "${zhsets[@]}"
sed -e "s#^\# Written by \"jobminer lexicon train\" on \([0-9-]*\) from .*#\# Written by \"jobminer lexicon train\" on \1 from the Chinese dev sets ${zhsets[*]} (lexicons/train-shared.sh):#" \
  "$tmp/out/zh/polarity_model.tsv" > lexicons/zh/polarity_model.tsv
done=yes
