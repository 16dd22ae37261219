#!/usr/bin/env node
// The package's command (README.md; --help prints its usage). The code is compiled from src/ into lib/.
require('../lib/main.js').main(process.argv.slice(2));
