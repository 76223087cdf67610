import type { Cloud } from '../core/cloud';

/**
 * The images of the compliance-report steps, each pinned to an exact release tag (the
 * disallow-latest-tag policy; a moving tag could change the job under an unchanged manifest).
 */
export interface ReportImages {
  /** Kubernetes' own kubectl image: Debian base with /bin/sh, coreutils (`date`) and sed. */
  readonly kubectl: string;
  /** The render script's interpreter: only the standard library is used. */
  readonly python: string;
  /** The upload CLI of each cloud, used with the pod's workload identity. */
  readonly upload: Readonly<Record<Cloud, string>>;
  /** curl for the Slack webhook (Alpine, with busybox sh). */
  readonly curl: string;
}

export const REPORT_IMAGES: ReportImages = {
  // kubectl within one minor version of the clusters' control planes (1.34).
  kubectl: 'registry.k8s.io/kubectl:v1.34.4',
  python: 'docker.io/library/python:3.12.8-alpine3.21',
  upload: {
    aws: 'public.ecr.aws/aws-cli/aws-cli:2.22.26',
    azure: 'mcr.microsoft.com/azure-cli:2.67.0',
    gcp: 'gcr.io/google.com/cloudsdktool/google-cloud-cli:525.0.0-slim',
  },
  curl: 'docker.io/curlimages/curl:8.11.1',
};
