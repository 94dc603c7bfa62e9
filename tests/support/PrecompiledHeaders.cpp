// The program that precompiles the headers every test reuses (tests/CMakeLists.txt): it only
// needs something to compile and a main to link.
int main() {
    return 0;
}
