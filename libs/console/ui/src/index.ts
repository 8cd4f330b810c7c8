export { AlertComponent, type AlertTone } from './lib/alert/alert.component';
export { EmptyStateComponent } from './lib/empty-state/empty-state.component';
export { registerLaurelIcons, type LaurelIconName } from './lib/icons/laurel-icons';
export { LinkTileComponent } from './lib/link-tile/link-tile.component';
export { StatusChipComponent, type StatusTone } from './lib/status-chip/status-chip.component';
