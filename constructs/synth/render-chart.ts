import { ApiObject, type Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { isKubeManifest, type RenderedObject } from './kube-manifest';

/**
 * Resolves every ApiObject of a chart to its manifest, keeping the construct path that made it.
 * (cdk8s's `Chart.toJson` returns the manifests but loses the paths our error messages need.)
 */
export function renderChart(chart: Chart): RenderedObject[] {
  return chart.node
    .findAll()
    .filter((c: IConstruct): c is ApiObject => ApiObject.isApiObject(c))
    .map((apiObject) => {
      const manifest: unknown = apiObject.toJson();
      if (!isKubeManifest(manifest)) {
        throw new Error(`${apiObject.node.path}: synthesized object has no apiVersion, kind or metadata.name`);
      }
      return { constructPath: apiObject.node.path, manifest };
    });
}
