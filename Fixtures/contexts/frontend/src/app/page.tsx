export default function Home() {
  return <main>Todo</main>;
}
