package commentmodel

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The text format, one record a line, fields separated by tabs:
//
//	# comment lines
//	classes	<class>	<class>...
//	threshold	<probability>
//	bias	<weight per class>
//	<feature name>	<weight per class>
//
// Features are sorted by name; weights are rounded to 4 decimals and a
// feature whose weights all round to zero is left out. Rounding is what
// makes the file the same bytes on every machine, and a reviewer can read
// a line to see what a word does to each class.

// digits is the number of decimals written.
const digits = 4

// Marshal writes m in the text format, headed by the comment lines in
// header (each written after "# ").
func (m *Model) Marshal(header ...string) []byte {
	var b bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&b, "# %s\n", h)
	}
	fmt.Fprintf(&b, "classes\t%s\n", strings.Join(m.Classes, "\t"))
	fmt.Fprintf(&b, "threshold\t%s\n", strconv.FormatFloat(m.Threshold, 'f', -1, 64))
	writeRow(&b, "bias", m.Bias)
	row := make([]float64, len(m.Classes))
	for j, name := range m.Names {
		zero := true
		for k := range m.Classes {
			row[k] = m.Weights[k][j]
			if round(row[k]) != "0.0000" && round(row[k]) != "-0.0000" {
				zero = false
			}
		}
		if !zero {
			writeRow(&b, name, row)
		}
	}
	return b.Bytes()
}

func round(v float64) string { return strconv.FormatFloat(v, 'f', digits, 64) }

func writeRow(b *bytes.Buffer, name string, ws []float64) {
	b.WriteString(name)
	for _, w := range ws {
		s := round(w)
		if s == "-0.0000" {
			s = "0.0000"
		}
		b.WriteString("\t")
		b.WriteString(s)
	}
	b.WriteString("\n")
}

// Parse reads a model written by [Model.Marshal].
func Parse(data []byte) (*Model, error) {
	m := &Model{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		switch {
		case fields[0] == "classes":
			m.Classes = fields[1:]
			m.Weights = make([][]float64, len(m.Classes))
			continue
		case m.Classes == nil:
			return nil, fmt.Errorf("model line %d: %q before the classes", line, fields[0])
		case fields[0] == "threshold":
			if len(fields) != 2 {
				return nil, fmt.Errorf("model line %d: threshold takes one value", line)
			}
			t, err := strconv.ParseFloat(fields[1], 64)
			if err != nil {
				return nil, fmt.Errorf("model line %d: %w", line, err)
			}
			m.Threshold = t
			continue
		}
		if len(fields) != len(m.Classes)+1 {
			return nil, fmt.Errorf("model line %d: %d weights for %d classes", line, len(fields)-1, len(m.Classes))
		}
		ws := make([]float64, len(m.Classes))
		for k, f := range fields[1:] {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				return nil, fmt.Errorf("model line %d: %w", line, err)
			}
			ws[k] = v
		}
		if fields[0] == "bias" {
			m.Bias = ws
			continue
		}
		m.Names = append(m.Names, fields[0])
		for k := range ws {
			m.Weights[k] = append(m.Weights[k], ws[k])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if len(m.Classes) < 2 || m.Bias == nil {
		return nil, fmt.Errorf("model: no classes or no bias line")
	}
	m.buildIndex()
	return m, nil
}
