#!/usr/bin/env node
await import('../dist/conformance/cli.js');
