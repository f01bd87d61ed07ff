"""Where Rehearse keeps its data, and which store it talks to.

Precedence for every setting: command-line flag, then environment variable, then default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

DEFAULT_CORPUS = Path("corpus")


@dataclass(frozen=True)
class StoreSettings:
    data_dir: Path
    data_dir_from: str
    chroma_url: str | None
    chroma_url_from: str


def resolve_store_settings(data_dir: str | None, chroma_url: str | None) -> StoreSettings:
    if data_dir:
        resolved, source = Path(data_dir), "flag --data-dir"
    elif os.environ.get("REHEARSE_DATA_DIR"):
        resolved, source = Path(os.environ["REHEARSE_DATA_DIR"]), "env REHEARSE_DATA_DIR"
    else:
        resolved, source = Path(user_data_dir("rehearse", appauthor=False)), "default"
    if chroma_url:
        url, url_from = chroma_url, "flag --chroma-url"
    elif os.environ.get("REHEARSE_CHROMA_URL"):
        url, url_from = os.environ["REHEARSE_CHROMA_URL"], "env REHEARSE_CHROMA_URL"
    else:
        url, url_from = None, "default (local store in the data dir)"
    return StoreSettings(resolved.expanduser(), source, url, url_from)


def config_file() -> Path:
    override = os.environ.get("REHEARSE_CONFIG")
    return (
        Path(override)
        if override
        else Path(user_config_dir("rehearse", appauthor=False)) / ("config.toml")
    )


def _file_settings() -> dict[str, str]:
    path = config_file()
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read the config file {path}: {exc}") from exc
    llm = data.get("llm", {})
    return {k: str(v) for k, v in llm.items() if isinstance(v, str | int | float)}


@dataclass(frozen=True)
class Setting:
    value: str | None
    source: str


def resolve_llm(flags: dict[str, str | None]) -> dict[str, Setting]:
    """base_url, model, api_key and timeout, each with where it came from:
    flag > env > config file ([llm] in config.toml) > default."""
    file = _file_settings()
    env_names = {
        "base_url": ["OPENAI_BASE_URL"],
        "model": ["REHEARSE_MODEL", "OPENAI_MODEL"],
        "api_key": ["OPENAI_API_KEY"],
        "timeout": ["REHEARSE_LLM_TIMEOUT"],
    }
    defaults = {"base_url": None, "model": None, "api_key": None, "timeout": "60"}
    out: dict[str, Setting] = {}
    for key, names in env_names.items():
        if flags.get(key):
            out[key] = Setting(flags[key], f"flag --{key.replace('_', '-')}")
            continue
        env = next((n for n in names if os.environ.get(n)), None)
        if env:
            out[key] = Setting(os.environ[env], f"env {env}")
        elif file.get(key):
            out[key] = Setting(file[key], f"config file {config_file()}")
        else:
            out[key] = Setting(defaults[key], "default")
    return out
