import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, pythonCallsTo } from '../../src/facts/query.js';
import type { PyCall } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 3;
const ENV_CALLS = ['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'dotenv.load_dotenv', 'dotenv.dotenv_values', 'decouple.config', 'environs.Env'];
const CONFIG_FILE_CALLS = ['yaml.safe_load', 'yaml.load', 'tomllib.load', 'tomli.load', 'toml.load', 'omegaconf.OmegaConf.load', 'hydra.main', 'hydra.compose', 'configparser.ConfigParser'];
const SETTINGS_BASES = /(^|\.)BaseSettings$/;
/** Config files kept apart from code: `config.yaml`, `configs/train.yaml`, `settings.toml`, `.env.example`. */
const CONFIG_PATH = /(^|\/)(configs?|conf|settings|params|hparams)(\/|[\w.-]*\.(ya?ml|toml|json|ini|cfg)$)|(^|\/)\.env\.(example|sample|template)$/;

export default defineCheck({
  id: 'code-quality/configuration-from-environment',
  docs: 'Reports settings read from environment variables, a settings class or config files instead of being written into the code.',
  messages: {
    environment: 'Settings are read from the environment ({{how}})',
    settingsClass: 'Settings are declared in a pydantic `BaseSettings` class `{{name}}`',
    configFile: 'Settings are kept in config files ({{files}}) read with `{{reader}}`',
  },
  *run({ facts }) {
    const outsideTests = (c: PyCall) => !isTestPath(c.evidence.path);
    const env = pythonCallsTo(facts, ENV_CALLS).filter(outsideTests);
    const subscripts = facts.python
      .filter((m) => !isTestPath(m.path))
      .flatMap((m) => m.strings.filter((s) => /os\.environ\[/.test(s.evidence.snippet)).map((s) => s.evidence));
    const envEvidence: Evidence[] = [...env.map((c) => c.evidence), ...subscripts].slice(0, MAX_EVIDENCE);
    const [firstEnv] = envEvidence;
    if (firstEnv) {
      const how = [...new Set([...env.map((c) => `\`${c.raw}\``), ...(subscripts.length ? ['`os.environ[...]`'] : [])])].slice(0, 3);
      yield { kind: 'strength', messageId: 'environment', evidence: [firstEnv, ...envEvidence.slice(1)], data: { how } };
    }
    for (const m of facts.python) {
      const settings = m.classes.find((c) => c.bases.some((b) => SETTINGS_BASES.test(b)));
      if (settings) {
        yield { kind: 'strength', messageId: 'settingsClass', evidence: [settings.evidence], data: { name: settings.name } };
        break;
      }
    }
    const reader = pythonCallsTo(facts, CONFIG_FILE_CALLS).find(outsideTests);
    const files = [...new Set(facts.configs.filter((d) => CONFIG_PATH.test(d.path)).map((d) => d.path))];
    if (reader && files.length) {
      yield { kind: 'strength', messageId: 'configFile', evidence: [reader.evidence], data: { files: files.slice(0, 4).map((f) => `\`${f}\``), reader: reader.raw } };
    }
  },
});
