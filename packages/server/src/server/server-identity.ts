/**
 * What core.version and core.info report. The server answers as the Kamailio release it is
 * compatible with (tools compare version strings), and says what it really is in `id`/`compiler`.
 */
export interface ServerIdentity {
  /** `kamailio` */
  name: string;
  /** `5.6.3` */
  version: string;
  /** `x86_64` */
  arch: string;
  /** `linux` */
  os: string;
  /** core.info `id` (Kamailio: the repository hash). */
  id: string;
  compiler: string;
  compiled: string;
  flags: string;
}

const ARCH_NAMES: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i386' };

export function defaultServerIdentity(kamkitVersion: string): ServerIdentity {
  return {
    name: 'kamailio',
    version: '5.6.3',
    arch: ARCH_NAMES[process.arch] ?? process.arch,
    os: process.platform,
    id: `kamkit-server ${kamkitVersion}`,
    compiler: `node ${process.version}`,
    compiled: '',
    flags: 'USE_TCP, KAMKIT_VIRTUAL_WORKERS',
  };
}

/** `kamailio 5.6.3 (x86_64/linux) `, trailing space included as Kamailio prints it. */
export function fullVersion(identity: ServerIdentity): string {
  return `${identity.name} ${identity.version} (${identity.arch}/${identity.os}) `;
}
