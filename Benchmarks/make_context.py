# Writes a build context shaped like a Node.js project checked out with its dependencies
# installed: node_modules with nested packages, sources, a .git directory, about N files.
# Usage: make_context.py DIR N
import os, sys
root, target = sys.argv[1], int(sys.argv[2])
os.makedirs(root, exist_ok=True)
count = 0

def write(path, text="x\n"):
    global count
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
    count += 1

write(".dockerignore", ".git\n.env*\n!.env.example\n**/*.map\n**/test\ncoverage\n*.log\n.next\n")
write("package.json", '{"name": "bench", "version": "1.0.0"}\n')
write(".env", "DATABASE_URL=postgres://bench@db/bench\n")
write(".env.example", "DATABASE_URL=\n")
for i in range(200):
    write(f"src/components/c{i // 20}/Component{i}.tsx", "export {}\n")
for i in range(2000):
    write(f".git/objects/{i % 256:02x}/{i:038x}", "blob\n")
# ~100 files per package: sources, builds, maps, tests, and every tenth nests a dependency.
package = 0
while count < target:
    base = f"node_modules/pkg-{package}"
    if package % 10 == 9:
        base = f"node_modules/pkg-{package - 1}/node_modules/dep-{package}"
    write(f"{base}/package.json", f'{{"name": "pkg-{package}", "version": "1.{package % 50}.0"}}\n')
    write(f"{base}/README.md")
    write(f"{base}/LICENSE")
    for j in range(40):
        write(f"{base}/lib/sub{j % 4}/m{j}.js")
    for j in range(30):
        write(f"{base}/dist/b{j}.js")
    for j in range(20):
        write(f"{base}/dist/b{j}.js.map")
    for j in range(7):
        write(f"{base}/test/t{j}.js")
    package += 1
print(count)
