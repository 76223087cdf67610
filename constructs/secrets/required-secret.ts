import { Construct, type IConstruct } from 'constructs';

/** One key of a Secret the estate needs, and what its value is. */
export interface RequiredSecretKey {
  readonly name: string;
  /** What the value is and where to get it, for whoever creates the Secret. */
  readonly holds: string;
}

export interface RequiredSecretProps {
  readonly name: string;
  readonly namespace: string;
  /** The keys this reader reads. */
  readonly keys: readonly RequiredSecretKey[];
  /** The component that reads it, and how (e.g. `Alertmanager (kube-prometheus-stack): receiver key files`). */
  readonly reader: string;
  /** The clusters the reader runs on, where the Secret must exist. */
  readonly clusters: readonly string[];
}

const REQUIRED_SECRET = Symbol.for('gitops-cdk.RequiredSecret');

/**
 * A Secret a synthesized document reads whose values cannot be in Git in clear: on each of its
 * clusters it is a slot, sealed with `npm run seal` (rendered as a SealedSecret) or provided out of
 * band, as the environment's `secrets` says (constructs/secrets/secret-slots.ts). Declared once per reader,
 * beside the construct that writes the reference, e.g. in a construct that mounts a webhook:
 *
 *   new RequiredSecret(this, 'slack-webhook', { name: 'x', namespace: 'y', keys: [{ name: 'url', holds: '...' }],
 *     reader: 'x CronJob: webhook file', clusters: [cluster.name] });
 *
 * It renders nothing. Synth collects every declaration into the environment's secrets inventory
 * (dist/secrets-inventory/<env>/) and refuses a synthesized reference to a Secret that is neither
 * in dist/ nor declared, and a declaration that nothing reads (constructs/secrets/secrets-inventory.ts).
 */
/**
 * What the inventory and its rule read of a declaration: its props and the construct path it is
 * declared at. A `RequiredSecret` is one; the synth cache keeps them as plain data.
 */
export interface SecretDeclaration {
  readonly props: RequiredSecretProps;
  readonly node: { readonly path: string };
}

export class RequiredSecret extends Construct {
  static isRequiredSecret(x: unknown): x is RequiredSecret {
    return typeof x === 'object' && x !== null && REQUIRED_SECRET in x;
  }

  /** Every declaration below `root`, in construct-tree order. */
  static of(root: IConstruct): RequiredSecret[] {
    return root.node.findAll().filter((c): c is RequiredSecret => RequiredSecret.isRequiredSecret(c));
  }

  readonly props: RequiredSecretProps;

  constructor(scope: Construct, id: string, props: RequiredSecretProps) {
    super(scope, id);
    Object.defineProperty(this, REQUIRED_SECRET, { value: true });
    const problems = [
      ...(props.keys.length === 0 ? ['keys is empty (list every key the reader reads)'] : []),
      ...(props.clusters.length === 0 ? ['clusters is empty (name the clusters the reader runs on)'] : []),
      ...(props.reader.trim() === '' ? ['reader is empty (name the component that reads it)'] : []),
      ...props.keys.filter((k) => k.holds.trim() === '').map((k) => `key ${k.name} does not say what it holds`),
    ];
    if (problems.length > 0) throw new Error(`${this.node.path}: RequiredSecret ${props.namespace}/${props.name}: ${problems.join('; ')}`);
    this.props = props;
  }
}
