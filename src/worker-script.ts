/**
 * The script of a worker thread that lives beside the module starting it.
 * Under vitest the modules run as TypeScript from src/, and the worker runs
 * from its compiled copy in build/ (npm test compiles first).
 */
export function workerScript(moduleUrl: string, name: string): URL {
  const script = new URL(`./${name}.js`, moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return script;
  const at = script.pathname.lastIndexOf('/src/');
  return new URL(`${script.pathname.slice(0, at)}/build/${script.pathname.slice(at + '/src/'.length)}`, script);
}
