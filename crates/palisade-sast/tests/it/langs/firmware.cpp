#include <cstring>
#include <string>

namespace fw {
class Buffer {
 public:
  void load(char *dst, const char *src) { strcpy(dst, src); }
  std::string name() const { return name_; }

 private:
  std::string name_;
};
}  // namespace fw

int main(int argc, char **argv) {
  char buf[16];
  fw::Buffer b;
  b.load(buf, argv[1]);
  gets(buf);
  return 0;
}
