/**
 * Bodies of the REST contract that are not records (DESIGN §5): the captain import and its
 * answer. They are the `captains.import` entry of core's command map (`COMMAND_MAP`), which the
 * ports, the HTTP port and the server's routes share; the OpenAPI document is generated from
 * them, and the suite checks servers with them.
 * @module
 */
export { CaptainImportInput, CaptainImportResult } from '@firegrid/core';
