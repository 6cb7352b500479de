 s a=0 x "n a s a=1 w $st,"" "",a,!" w a,!
 s c="n a s a=2 w $st,"" "",a,!" x c w a,!
 x "n a s a=3 g l2" w "after",! zwr a
 x "s b=$st q  w 5" w b,!
 q
l2 w "l2 ",a," ",$st,!
 q
