stkbasic1 ; $STACK, $ESTACK, $ZLEVEL at different depths
 write "top: stack=",$stack," estack=",$estack," zlevel=",$zlevel,!
 do a
 write "ext: ",$$f,!
 quit
a write "a: stack=",$stack," estack=",$estack," zlevel=",$zlevel,! do b quit
b write "b: stack=",$stack," estack=",$estack," zlevel=",$zlevel,!
 do
 . write "dot: stack=",$stack," estack=",$estack," zlevel=",$zlevel,!
 quit
f() quit $stack_"/"_$estack_"/"_$zlevel
