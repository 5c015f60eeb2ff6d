import { serveWeb } from './web.ts';

/**
 * The kubelab command line:
 *   kubelab web [--port 8080]                      serve the built app on localhost
 *   kubelab shell [--lab FILE] [--json] [--seed N]  a lab's terminal in this terminal
 *   kubelab serve [--port 6443] [--kubeconfig-out FILE]  the lab's cluster as a real Kubernetes API
 *   kubelab grade --pack P [--exercise E] [--kubeconfig FILE]
 *   kubelab exam [--seed N] [--solution | --answers FILE]  a mock exam across several clusters
 *   kubelab bench                                   the benchmarks (same as npm run bench)
 */
const USAGE = `Usage: kubelab <command> [options]

Commands:
  web     Serve the lab's web app on localhost (--port 8080)
  shell   Open a lab's terminal here (--lab FILE, --json, --seed N)
  serve   Serve a lab's cluster as a Kubernetes API over HTTPS (--port 6443, --kubeconfig-out FILE)
  grade   Grade exercise packs headlessly (--pack P|all, --exercise E, --kubeconfig FILE)
  exam    Set up a mock exam across several clusters and grade it (--seed N, --solution, --answers FILE)
  bench   Run the benchmarks
`;

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'web': {
      const url = await serveWeb({ port: Number(option(args, '--port') ?? 8080) });
      console.log(`kubelab is running at ${url}`);
      return new Promise<number>(() => {});
    }
    case 'shell':
      return (await import('./shell.ts')).shellMain(args);
    case 'serve':
      return (await import('./serve/main.ts')).serveMain(args);
    case 'grade':
      return (await import('./grade.ts')).gradeMain(args);
    case 'exam':
      return (await import('./exam.ts')).examMain(args);
    case 'bench':
      await import('../bench/run.ts');
      return 0;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return cmd ? 0 : 1;
    default:
      process.stderr.write(`kubelab: unknown command "${cmd}"\n\n${USAGE}`);
      return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
