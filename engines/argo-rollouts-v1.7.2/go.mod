module gitops-cdk/engines/argo-rollouts-v1.7.2

go 1.26.6

// Argo Rollouts v1.7.2, the version prod's controller runs (environments/prod.ts delivery): evaluate-condition (our own main
// package, cmd/evaluate-condition) hands AnalysisTemplate conditions to upstream's
// utils/evaluate EvaluateResult, the function the controller's Prometheus provider calls
// (metricproviders/prometheus/prometheus.go processResponse), so tests judge conditions with the real engine.
//
// No replace directives: upstream's go.mod replaces k8s.io/* v0.0.0 only for k8s.io/kubernetes, which
// utils/evaluate does not import (it needs pkg/apis/rollouts/v1alpha1: k8s.io/api and apimachinery
// v0.29.3, as upstream's require list pins them); with module graph pruning those v0.0.0 requirements are
// never loaded, and the module resolves through the Go module proxy as it is.
tool gitops-cdk/engines/argo-rollouts-v1.7.2/cmd/evaluate-condition

require (
	github.com/argoproj/argo-rollouts v1.7.2
	github.com/sirupsen/logrus v1.9.3
)

require (
	github.com/antonmedv/expr v1.15.5 // indirect
	github.com/emicklei/go-restful/v3 v3.11.0 // indirect
	github.com/go-logr/logr v1.3.0 // indirect
	github.com/go-openapi/jsonpointer v0.19.6 // indirect
	github.com/go-openapi/jsonreference v0.20.2 // indirect
	github.com/go-openapi/swag v0.22.3 // indirect
	github.com/gogo/protobuf v1.3.2 // indirect
	github.com/golang/protobuf v1.5.4 // indirect
	github.com/google/gnostic-models v0.6.8 // indirect
	github.com/google/gofuzz v1.2.0 // indirect
	github.com/josharian/intern v1.0.0 // indirect
	github.com/json-iterator/go v1.1.12 // indirect
	github.com/mailru/easyjson v0.7.7 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	golang.org/x/net v0.22.0 // indirect
	golang.org/x/sys v0.18.0 // indirect
	golang.org/x/text v0.14.0 // indirect
	google.golang.org/protobuf v1.33.0 // indirect
	gopkg.in/inf.v0 v0.9.1 // indirect
	gopkg.in/yaml.v2 v2.4.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
	k8s.io/api v0.29.3 // indirect
	k8s.io/apimachinery v0.29.3 // indirect
	k8s.io/klog/v2 v2.110.1 // indirect
	k8s.io/kube-openapi v0.0.0-20231010175941-2dd684a91f00 // indirect
	k8s.io/utils v0.0.0-20230726121419-3b25d923346b // indirect
	sigs.k8s.io/json v0.0.0-20221116044647-bc3834ca7abd // indirect
	sigs.k8s.io/structured-merge-diff/v4 v4.4.1 // indirect
)
