// Command evaluate-condition judges AnalysisTemplate conditions with Argo Rollouts' own evaluator
// (github.com/argoproj/argo-rollouts/utils/evaluate EvaluateResult, the version the module building it
// pins), so the tests prove the verdicts with the engine the controller runs instead of an imitation.
// One source for every pinned version: engines/argo-rollouts-<version>/cmd/evaluate-condition/main.go
// of the other versions is a symbolic link to this file.
//
// stdin: a JSON array of cases {"success": "...", "failure": "...", "result": [0.5, "NaN", ...]}.
// stdout: a JSON array with one {"phase": "Successful|Failed|Inconclusive|Error", "error": "..."} per case.
//
// result is handed over as the Prometheus provider does for an instant vector: a []float64, never nil,
// one element per sample (metricproviders/prometheus/prometheus.go processResponse, v1.7.2 and v1.8.0).
// JSON has no NaN or infinities, so "NaN", "+Inf" and "-Inf" stand for them (Prometheus' own spelling).
//
// --version prints the Argo Rollouts module version the program was built with.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime/debug"

	"github.com/argoproj/argo-rollouts/pkg/apis/rollouts/v1alpha1"
	"github.com/argoproj/argo-rollouts/utils/evaluate"
	"github.com/sirupsen/logrus"
)

type conditionCase struct {
	Success string            `json:"success"`
	Failure string            `json:"failure"`
	Result  []json.RawMessage `json:"result"`
}

type verdict struct {
	Phase string `json:"phase"`
	Error string `json:"error,omitempty"`
}

func sampleValue(raw json.RawMessage) (float64, error) {
	var number float64
	if err := json.Unmarshal(raw, &number); err == nil {
		return number, nil
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return 0, fmt.Errorf("sample %s is neither a number nor a string", raw)
	}
	switch text {
	case "NaN":
		return math.NaN(), nil
	case "+Inf":
		return math.Inf(1), nil
	case "-Inf":
		return math.Inf(-1), nil
	}
	return 0, fmt.Errorf("sample %q: only NaN, +Inf and -Inf may be strings", text)
}

func judge(c conditionCase, logCtx logrus.Entry) (verdict, error) {
	// make(..., 0, n), as processResponse does: an empty vector is an empty slice, not nil.
	result := make([]float64, 0, len(c.Result))
	for _, raw := range c.Result {
		value, err := sampleValue(raw)
		if err != nil {
			return verdict{}, err
		}
		result = append(result, value)
	}
	metric := v1alpha1.Metric{SuccessCondition: c.Success, FailureCondition: c.Failure}
	phase, err := evaluate.EvaluateResult(result, metric, logCtx)
	judged := verdict{Phase: string(phase)}
	if err != nil {
		judged.Error = err.Error()
	}
	return judged, nil
}

// rolloutsVersion is the version of github.com/argoproj/argo-rollouts linked in, from the build info.
func rolloutsVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dependency := range info.Deps {
			if dependency.Path == "github.com/argoproj/argo-rollouts" {
				return dependency.Version
			}
		}
	}
	return "unknown"
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(rolloutsVersion())
		return
	}
	var cases []conditionCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintf(os.Stderr, "evaluate-condition: stdin is not a JSON array of cases: %v\n", err)
		os.Exit(2)
	}
	logCtx := *logrus.NewEntry(logrus.New())
	verdicts := make([]verdict, 0, len(cases))
	for index, c := range cases {
		judged, err := judge(c, logCtx)
		if err != nil {
			fmt.Fprintf(os.Stderr, "evaluate-condition: case %d: %v\n", index, err)
			os.Exit(2)
		}
		verdicts = append(verdicts, judged)
	}
	if err := json.NewEncoder(os.Stdout).Encode(verdicts); err != nil {
		fmt.Fprintf(os.Stderr, "evaluate-condition: %v\n", err)
		os.Exit(1)
	}
}
