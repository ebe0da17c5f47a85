import os

import pytest

from tests.ops import harness


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ops/" in str(item.fspath):
            item.add_marker(pytest.mark.ops)
            item.add_marker(pytest.mark.timeout(600))


@pytest.fixture(scope="module")
def site(postgres):
    """A migrated database with the demo content, and the production environment that uses it."""
    with harness.throwaway_database() as url:
        yield harness.prepared_site(url)


def require(available: bool, what: str, variable: str) -> None:
    if not available:
        if os.environ.get(variable) == "1":
            pytest.fail(f"needs {what}, and {variable}=1 says it must be here", pytrace=False)
        pytest.skip(f"needs {what}")


@pytest.fixture(scope="session")
def postgres():
    """PostgreSQL on 127.0.0.1:5432."""
    require(harness.postgres_available(), "PostgreSQL on 127.0.0.1:5432", "REQUIRE_POSTGRES")


@pytest.fixture(scope="session")
def redis():
    """Redis for the nodes' shared cache."""
    require(harness.redis_available(), f"Redis at {harness.REDIS_URL}", "REQUIRE_REDIS")


@pytest.fixture
def nodes(redis):
    """Start nodes with `nodes(env, count)`; every one is stopped afterwards."""
    started = []
    harness.flush_redis()

    def start(env, count=1, workers=2):
        new = [harness.Node(env, workers=workers, name=f"node{len(started) + n}").start() for n in range(count)]
        started.extend(new)
        return new

    yield start
    for node in started:
        node.stop()
