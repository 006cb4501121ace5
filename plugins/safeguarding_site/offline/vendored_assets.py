"""The vendored iframe-worker shim that lets search run from file://, and the checks that it is the release."""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..base.paths import PROJECT_ROOT as ROOT


@dataclass(frozen=True)
class VendoredPackage:
    """An npm release copied into the theme overrides, pinned by the registry's own tarball integrity."""

    name: str
    version: str
    integrity: str  # npm's dist.integrity for the release tarball
    files: dict[str, tuple[str, str]]  # our path -> (path inside the tarball, sha256 of the file)
    polyfill: str  # the site-relative URL that mkdocs.yml's extra.polyfills must list


# Material's offline plugin adds https://unpkg.com/iframe-worker/shim unless a polyfill URL already names
# iframe-worker; mkdocs.yml lists this copy, which the theme's custom_dir copies into the built site.
# Why vendored and not installed at build time: it is one 1.4 KB file, MIT-licensed; fetching it with npm
# on every build would make Node and the registry a dependency of every build, and PyPI does not carry it.
IFRAME_WORKER = VendoredPackage(
    name="iframe-worker",
    version="1.0.4",
    integrity="sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==",
    files={
        "overrides/assets/javascripts/iframe-worker/shim.js": (
            "package/shim/index.js", "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"),
        "overrides/assets/javascripts/iframe-worker/LICENSE": (
            "package/LICENSE", "dd69737a4768aab9f934a5aed9efab9561ac4062d4fdbe490d44369a2cf48b6b"),
    },
    polyfill="assets/javascripts/iframe-worker/shim.js",
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verify(root: Path = ROOT, package: VendoredPackage = IFRAME_WORKER) -> list[str]:
    """Problems with the vendored copy (missing or changed files), or an empty list."""
    problems = []
    for ours, (_, digest) in package.files.items():
        path = root / ours
        if not path.is_file():
            problems.append(f"{ours}: missing (vendored from {package.name}@{package.version})")
        elif sha256(path.read_bytes()) != digest:
            problems.append(f"{ours}: differs from {package.name}@{package.version} (sha256 {digest}); "
                            "restore it with `python -m safeguarding_site.offline_assets --restore`")
    return problems


def tarball_integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def check_tarball(data: bytes, package: VendoredPackage = IFRAME_WORKER) -> dict[str, bytes]:
    """The vendored files' bytes from a release tarball, after checking it is the pinned release."""
    if tarball_integrity(data) != package.integrity:
        raise ValueError(f"tarball is not {package.name}@{package.version}: integrity {tarball_integrity(data)}")
    contents = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for ours, (inside, digest) in package.files.items():
            member = tar.extractfile(inside)
            if member is None:
                raise ValueError(f"{inside} is not a file in the tarball")
            contents[ours] = member.read()
            if sha256(contents[ours]) != digest:
                raise ValueError(f"{inside} in the tarball does not match the pinned sha256 {digest}")
    return contents


def restore(root: Path = ROOT, package: VendoredPackage = IFRAME_WORKER, npm: str = "npm") -> int:
    """Maintainers only (needs the npm registry): fetch the pinned release with `npm pack` and re-copy it."""
    if shutil.which(npm) is None:
        print(f"offline_assets: {npm} not found; install Node.js and npm to restore the vendored files",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        spec = f"{package.name}@{package.version}"
        subprocess.run([npm, "pack", spec, "--pack-destination", tmp, "--silent"], check=True, cwd=tmp)
        (tarball,) = Path(tmp).glob("*.tgz")
        contents = check_tarball(tarball.read_bytes(), package)
    for ours, data in contents.items():
        (root / ours).parent.mkdir(parents=True, exist_ok=True)
        (root / ours).write_bytes(data)
        print(f"restored {ours} from {spec}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--restore", action="store_true", help="re-copy the files from the npm registry")
    args = parser.parse_args(argv)
    if args.restore:
        return restore()
    problems = verify()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{IFRAME_WORKER.name}@{IFRAME_WORKER.version}: vendored files match the release.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
