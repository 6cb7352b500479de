 x "w $st,! ;comment"
 x "w $st,! n (a)"
 x "w $st,! k a"
 x "w $st,! w $$f"
 x "w $st,! h 0"
 x "w $st,! s $et="""""

 q
l1 w "l1",! q
l2 q
l3 w "l3",! q
f() q 7
