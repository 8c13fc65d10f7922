package classifiers

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"jobminer/lexicons"
)

// The models' weights tables (polarity_model.tsv, outcome_model.tsv):
// a feature or other name, then one weight for each of three columns.

// modelRows returns the rows of a model table: a user's table, when there
// is one, replaces the built-in one whole, since a model's weights are
// fitted together (the built-in rows come first).
func modelRows(rows []lexicons.Row) []lexicons.Row {
	if i := slices.IndexFunc(rows, func(r lexicons.Row) bool { return !strings.HasPrefix(r.File, "builtin:") }); i >= 0 {
		return rows[i:]
	}
	return rows
}

// readModelTable calls row with the name and the three weights of each
// row of a set's model table (columns names the weight columns, for the
// errors). It reports false when the table has no rows or a row "off":
// no model.
func readModelTable(set *lexicons.Set, table, columns string, row func(r lexicons.Row, name string, w [3]float64) error) (bool, error) {
	rows, err := set.Table(table, 1)
	if err != nil || len(rows) == 0 {
		return false, err
	}
	for _, r := range modelRows(rows) {
		if r.Fields[0] == "off" {
			return false, nil
		}
		if len(r.Fields) < 4 {
			return false, fmt.Errorf("lexicons %s line %d: want 4 tab-separated fields (feature, %s) or \"off\", got %d", r.File, r.Line, columns, len(r.Fields))
		}
		var w [3]float64
		for k := range w {
			if w[k], err = weight(r, k+1); err != nil {
				return false, err
			}
		}
		if err := row(r, r.Fields[0], w); err != nil {
			return false, err
		}
	}
	return true, nil
}

// modelTable writes a model table: its header lines as comments, the
// column line, then rows of three weights.
type modelTable struct{ *bufio.Writer }

func newModelTable(w io.Writer, header []string, columns string) modelTable {
	t := modelTable{bufio.NewWriter(w)}
	for _, h := range header {
		fmt.Fprintf(t, "# %s\n", h)
	}
	fmt.Fprintf(t, "# feature\t%s\n", columns)
	return t
}

// row writes a name and its weights to four decimals.
func (t modelTable) row(name string, v [3]float64) {
	t.WriteString(name)
	for _, x := range v {
		t.WriteByte('\t')
		t.WriteString(strconv.FormatFloat(x, 'f', 4, 64))
	}
	t.WriteByte('\n')
}

// unknownFeature is the error for a row naming no feature of a model.
func unknownFeature(r lexicons.Row, model, more string) error {
	return fmt.Errorf("lexicons %s line %d: %q is no feature of the %s (features: %s%s)", r.File, r.Line, r.Fields[0], model, strings.Join(featureNames[:], ", "), more)
}
