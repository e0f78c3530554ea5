import { contextBridge, ipcRenderer } from 'electron';
import { buildClinicApi } from '../../shared/contract/build-api';
import type { ClinicApi } from '../../shared/contract';

// One named function per channel (window.clinic.<area>.<action>), generated from the channel names.
// No ipcRenderer and no generic invoke reach the page; the contract's zod schemas are not bundled here.
const clinic = buildClinicApi((channel, input) => ipcRenderer.invoke(channel, input)) satisfies ClinicApi;

contextBridge.exposeInMainWorld('clinic', clinic);
