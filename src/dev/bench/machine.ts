/** What the figures were measured on, and which Java comparators are installed. */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { basename } from 'node:path';
import { which } from './measure.js';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpuModel: (list[0]?.model ?? 'unknown').trim(),
    cores: list.length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
  };
}

export interface JavaTools {
  java: string | undefined;
  javaVersion: string | undefined;
  jing: string | undefined;
  jingVersion: string | undefined;
  saxonJar: string | undefined;
  saxonVersion: string | undefined;
}

export function javaTools(): JavaTools {
  const java = which('java');
  let javaVersion: string | undefined;
  if (java) {
    const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
    javaVersion = (r.stderr || r.stdout).split('\n')[0]?.trim();
  }
  const jing = which('jing');
  let jingVersion: string | undefined;
  if (jing && existsSync('/usr/share/java/jing.jar')) {
    const real = basename(realpathSync('/usr/share/java/jing.jar'));
    jingVersion = /jing-?([\d.]+)\.jar/.exec(real)?.[1] ?? real;
  }
  const candidate = process.env['SAXON_JAR'] ?? '/usr/share/java/Saxon-HE.jar';
  const saxonJar = java && existsSync(candidate) ? candidate : undefined;
  let saxonVersion: string | undefined;
  if (saxonJar) {
    const real = basename(realpathSync(saxonJar));
    saxonVersion = /Saxon-HE-([\d.]+)\.jar/i.exec(real)?.[1] ?? real;
  }
  return { java, javaVersion, jing, jingVersion, saxonJar, saxonVersion };
}
