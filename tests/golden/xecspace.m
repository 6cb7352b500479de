 x "  w 1" x $c(9)_"w 2" x "   ;c" x "" x "  " w !
