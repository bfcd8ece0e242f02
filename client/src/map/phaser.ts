// The parts of Phaser 4.2.1 the map uses, as one `Phaser` namespace shaped
// like the full one (the map's files import it instead of "phaser").
//
// Phaser's published ESM build is one module that does not tree-shake: it
// carries physics, sound, tweens, the loader, tilemaps, particles, filters
// and every game object (about 276 kB of the student page's 358 kB, brotli).
// Phaser's sources are CommonJS modules that register what they bring when
// they are required (a game object's factory adds `scene.add.<name>`, a
// scene plugin adds itself to the plugin cache), and Phaser's own
// phaser-core.js entry is assembled the same way; so requiring only the
// modules below gives a game that has only these parts. The vite config
// resolves "phaser-src/" to node_modules/phaser/src and compiles Phaser's
// build flags (client/phaser-subset.ts): WebGL and Canvas renderers on, sound off.
//
// Left out, and why that is safe:
// - the scene plugins Clock (`this.time`), DataManagerPlugin (`this.data`),
//   InputPlugin (`this.input`), Loader (`this.load`), TweenManager
//   (`this.tweens`) and LightsPlugin: the map reads none of them (taps and
//   clicks are DOM pointer events read by gestures.ts; the basemap comes as
//   JSON through fetch; animation.ts steps its own tweening). Phaser installs
//   a scene's default plugins only when they are registered, and skips the
//   loader step of a scene that has none. The game-level InputManager stays
//   (core/Game.js requires it) and skips scenes without an input plugin.
// - sound (`game.sound`): the game is configured with `audio.noAudio`.
// - physics, tilemaps, particles, filters, cameras other than the 2D one,
//   and every other game object: the map draws only the ones listed below.
// A part used later must be added here (the type below makes tsc say so).
import type PhaserFull from "phaser";
import CONST from "phaser-src/const.js";
import Game from "phaser-src/core/Game.js";
// The renderers' modules require each other in a cycle (a WebGL batch handler requires the
// renderer/index.js that requires it): they are taken through renderer/index.js, as Phaser's own
// entries do, rather than one by one.
import Renderer from "phaser-src/renderer/index.js";
import ScaleEvents from "phaser-src/scale/events/index.js";
import ScaleModes from "phaser-src/scale/const/SCALE_MODE_CONST.js";
import Scene from "phaser-src/scene/Scene.js";
import SceneConst from "phaser-src/scene/const.js";
import SceneEvents from "phaser-src/scene/events/index.js";
import GameObject from "phaser-src/gameobjects/GameObject.js";
import GameObjectFactory from "phaser-src/gameobjects/GameObjectFactory.js";
import Graphics from "phaser-src/gameobjects/graphics/Graphics.js";
import Text from "phaser-src/gameobjects/text/Text.js";
import Container from "phaser-src/gameobjects/container/Container.js";
import Arc from "phaser-src/gameobjects/shape/arc/Arc.js";
import Rectangle from "phaser-src/gameobjects/shape/rectangle/Rectangle.js";
import RenderTexture from "phaser-src/gameobjects/rendertexture/RenderTexture.js";
import GeomCircle from "phaser-src/geom/circle/Circle.js";
import GeomRectangle from "phaser-src/geom/rectangle/Rectangle.js";
// The scene plugins every scene needs (Phaser's DefaultPlugins.CoreScene): each registers itself when required.
import "phaser-src/events/EventEmitter.js";
import "phaser-src/cameras/2d/CameraManager.js";
import "phaser-src/gameobjects/GameObjectCreator.js";
import "phaser-src/scene/ScenePlugin.js";
import "phaser-src/gameobjects/DisplayList.js";
import "phaser-src/gameobjects/UpdateList.js";
// `scene.add.graphics/text/container/circle/rectangle/renderTexture` and `scene.make.graphics`.
import "phaser-src/gameobjects/graphics/GraphicsFactory.js";
import "phaser-src/gameobjects/graphics/GraphicsCreator.js";
import "phaser-src/gameobjects/text/TextFactory.js";
import "phaser-src/gameobjects/container/ContainerFactory.js";
import "phaser-src/gameobjects/shape/arc/ArcFactory.js";
import "phaser-src/gameobjects/shape/rectangle/RectangleFactory.js";
import "phaser-src/gameobjects/rendertexture/RenderTextureFactory.js";

type Full = typeof PhaserFull;

/** The subset of the `Phaser` namespace that this module provides (types as in Phaser's own declarations). */
export interface PhaserSubset {
  AUTO: Full["AUTO"];
  CANVAS: Full["CANVAS"];
  WEBGL: Full["WEBGL"];
  HEADLESS: Full["HEADLESS"];
  Game: Full["Game"];
  Scene: Full["Scene"];
  Scenes: Pick<Full["Scenes"], "Events" | "RUNNING">;
  Scale: Pick<Full["Scale"], "Events" | "NONE">;
  Renderer: {
    Events: Full["Renderer"]["Events"];
    WebGL: Pick<Full["Renderer"]["WebGL"], "WebGLRenderer">;
    Canvas: Pick<Full["Renderer"]["Canvas"], "CanvasRenderer">;
  };
  GameObjects: Pick<
    Full["GameObjects"],
    "GameObject" | "GameObjectFactory" | "Graphics" | "Text" | "Container" | "Arc" | "Rectangle" | "RenderTexture"
  >;
  Geom: Pick<Full["Geom"], "Circle" | "Rectangle">;
}

const rendererTypes = CONST as Pick<Full, "AUTO" | "CANVAS" | "WEBGL" | "HEADLESS">;
const sceneStatus = SceneConst as Pick<Full["Scenes"], "RUNNING">;
const scaleModes = ScaleModes as Pick<Full["Scale"], "NONE">;

const renderers = Renderer as Full["Renderer"];

const Phaser = {
  AUTO: rendererTypes.AUTO,
  CANVAS: rendererTypes.CANVAS,
  WEBGL: rendererTypes.WEBGL,
  HEADLESS: rendererTypes.HEADLESS,
  Game,
  Scene,
  Scenes: { Events: SceneEvents, RUNNING: sceneStatus.RUNNING },
  Scale: { Events: ScaleEvents, NONE: scaleModes.NONE },
  Renderer: renderers,
  GameObjects: { GameObject, GameObjectFactory, Graphics, Text, Container, Arc, Rectangle, RenderTexture },
  Geom: { Circle: GeomCircle, Rectangle: GeomRectangle },
} as PhaserSubset;

export default Phaser;
