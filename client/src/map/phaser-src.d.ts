// Phaser's source modules (CommonJS, untyped), resolved by the vite config's
// phaser-src alias (client/phaser-subset.ts). Only phaser.ts imports them, and
// gives what it takes the types of Phaser's own declarations.
declare module "phaser-src/*" {
  const value: unknown;
  export default value;
}
